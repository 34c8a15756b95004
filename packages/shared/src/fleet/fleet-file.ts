// The `--fleet FILE` document: the other directors this agent may show, each with its agent's URL and the
// token it reads them with. Validated once at start; a mistake stops the agent with the field named.
import { z } from 'zod';

/** A director's name: it appears in URLs (`/api/v1/fleet/<name>/...`), so it is a plain slug. */
export const directorNameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'a director name is 1-63 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

export const fleetDirectorSchema = z
  .object({
    name: directorNameSchema,
    /** The peer agent's base URL, e.g. `https://lb2.example.com:8080` (no path). */
    url: z
      .string()
      .url('must be a URL like https://lb2.example.com:8080')
      .refine((url) => /^https?:\/\//i.test(url), 'must start with http:// or https://')
      .refine((url) => !/^https?:\/\/[^/]+\/.+/i.test(url), 'must have no path (the agent adds /api/v1/...)'),
    /** The token for the peer (a viewer token reads; fleet changes need an admin one), or a file holding it. */
    token: z.string().min(16, 'a token is at least 16 characters').optional(),
    tokenFile: z.string().min(1, 'must name a file').optional(),
    /** Directors with the same pair name back each other up (keepalived VRRP master and backup). */
    pair: directorNameSchema.optional(),
    /** Groups pairs on the Fleet page. */
    site: z.string().min(1).max(64).optional(),
    /**
     * The `instance` label of its series in Prometheus (the Fleet page's sparklines); default: its url's
     * host:port, which is what Prometheus calls a target scraped at that address.
     */
    prometheusInstance: z.string().min(1).max(256).optional(),
    /** Verify the peer's TLS certificate (default true); false only for a test rig. */
    tlsVerify: z.boolean().default(true),
  })
  .strict()
  .refine((director) => (director.token === undefined) !== (director.tokenFile === undefined), {
    message: 'give exactly one of token or tokenFile',
    path: ['token'],
  });
export type FleetDirector = z.infer<typeof fleetDirectorSchema>;

export const fleetFileSchema = z
  .object({
    /** This agent's own name in the fleet (how the others list it); default: "local". */
    self: z
      .object({
        name: directorNameSchema,
        pair: directorNameSchema.optional(),
        site: z.string().min(1).max(64).optional(),
        /** This director's `instance` label in Prometheus; default: the one in --prometheus-selector, if any. */
        prometheusInstance: z.string().min(1).max(256).optional(),
      })
      .strict()
      .optional(),
    directors: z.array(fleetDirectorSchema),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>([file.self?.name ?? 'local']);
    file.directors.forEach((director, index) => {
      if (seen.has(director.name)) {
        context.addIssue({
          code: 'custom',
          message: `the name "${director.name}" is used twice (this agent is "${file.self?.name ?? 'local'}")`,
          path: ['directors', index, 'name'],
        });
      }
      seen.add(director.name);
    });
    const pairs = new Map<string, number>();
    for (const pair of [file.self?.pair, ...file.directors.map((director) => director.pair)]) {
      if (pair) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    for (const [pair, count] of pairs) {
      if (count > 2) {
        context.addIssue({
          code: 'custom',
          message: `pair "${pair}" names ${count} directors; a pair is two`,
          path: ['directors'],
        });
      }
    }
  });
export type FleetFile = z.infer<typeof fleetFileSchema>;
export type FleetFileInput = z.input<typeof fleetFileSchema>;

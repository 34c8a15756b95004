// Share links for a wall screen (docs/api.md "Share links"): an admin makes a named viewer token through
// the API, and the web app shows the login URL that signs a browser in with it. The token list and the
// body and answer of each route live here, so the agent and the Settings page agree on them.
import { z } from 'zod';
import { roleSchema, type Role } from './access-roles.js';

/** A named token as the API lists it: never the token, never its hash. */
export interface NamedTokenSummary {
  name: string;
  role: Role;
  services: string[] | null;
  createdAt: number;
}

export const namedTokenSummarySchema = z.object({
  name: z.string(),
  role: roleSchema,
  services: z.array(z.string()).nullable(),
  createdAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<NamedTokenSummary>;

export const namedTokenListSchema = z.array(namedTokenSummarySchema);

/** The same rule as `ipvs-dashboard-agent token add NAME` (state/named-tokens.ts checks it again). */
export const shareLinkRequestSchema = z
  .object({
    name: z
      .string({ error: 'name is required: what the screen is, e.g. "noc-wall"' })
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/,
        'a name is 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit',
      ),
  })
  .strict();
export type ShareLinkRequest = z.infer<typeof shareLinkRequestSchema>;

/** POST /tokens's answer: the viewer token, shown this once, and the path that signs a browser in with it. */
export interface ShareLinkAnswer extends NamedTokenSummary {
  token: string;
  /** `/?token=...`: the agent exchanges it for a session cookie and takes it out of the address bar. */
  loginPath: string;
}

export const shareLinkAnswerSchema = namedTokenSummarySchema.extend({
  token: z.string().min(16),
  loginPath: z.string().startsWith('/?token='),
}) satisfies z.ZodType<ShareLinkAnswer>;

/** The login path of a token, as the agent prints it at start. */
export function loginPathOf(token: string): string {
  return `/?token=${encodeURIComponent(token)}`;
}

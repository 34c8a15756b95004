// A health check's settings (docs/api.md "Health checks"), as PUT .../check takes them and the state dir
// and the export keep them. Kinds follow keepalived's TCP_CHECK, HTTP_GET, SSL_GET and MISC_CHECK.
import { z } from 'zod';
import { ipAddressSchema, intInRange, portSchema } from '../schemas/primitives.js';

export type HealthCheckKind = 'tcp' | 'http' | 'https' | 'command';

export interface HealthCheck {
  kind: HealthCheckKind;
  /** Seconds between the starts of two checks of one real server (fractions allowed). */
  intervalSeconds: number;
  /** A check that has not answered by then failed. At most the interval. */
  timeoutSeconds: number;
  /** Consecutive successes that bring a down (or unknown) server up. */
  rise: number;
  /** Consecutive failures that take an up (or unknown) server down. */
  fall: number;
  /** Port to check; absent: the real server's own port. */
  port?: number;
  /** Source address of the check's connection; absent: the system chooses. */
  sourceAddress?: string;
  /** http/https: the path GET asks for. */
  path?: string;
  /** http/https: status codes that count as up (default [200]). */
  expectStatus?: number[];
  /** http/https: text the body must contain. */
  bodyContains?: string;
  /** http/https: the Host header (default: the real server's address). */
  host?: string;
  /** https: check the certificate (default false: most real servers present the VIP's name, not theirs). */
  verifyTls?: boolean;
  /** command: run by /bin/sh with REAL_SERVER_ADDRESS and REAL_SERVER_PORT set; exit 0 = up. */
  command?: string;
}

const seconds = (min: number, max: number) =>
  z
    .number({ error: `must be a number of seconds ${min}-${max}` })
    .min(min, { error: `must be a number of seconds ${min}-${max}` })
    .max(max, { error: `must be a number of seconds ${min}-${max}` });

const httpOnly = ['path', 'expectStatus', 'bodyContains', 'host'] as const;

export const healthCheckSchema = z
  .strictObject({
    kind: z.enum(['tcp', 'http', 'https', 'command'], { error: 'must be tcp, http, https or command' }),
    intervalSeconds: seconds(0.1, 3600),
    timeoutSeconds: seconds(0.05, 3600),
    rise: intInRange(1, 100),
    fall: intInRange(1, 100),
    port: portSchema.refine((port) => port > 0, { error: 'must be a port 1-65535' }).optional(),
    sourceAddress: ipAddressSchema.optional(),
    path: z
      .string()
      .regex(/^\/[^\s]*$/, { error: 'must start with / and hold no spaces' })
      .max(2000)
      .optional(),
    expectStatus: z
      .array(intInRange(100, 599, 'an HTTP status'))
      .min(1, { error: 'must hold at least one status' })
      .max(20)
      .optional(),
    bodyContains: z.string().min(1).max(1000).optional(),
    host: z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, { error: 'must be a host name, optionally with :port' })
      .max(255)
      .optional(),
    verifyTls: z.boolean().optional(),
    command: z.string().min(1, { error: 'must not be empty' }).max(4000).optional(),
  })
  .superRefine((check, context) => {
    if (check.timeoutSeconds > check.intervalSeconds) {
      context.addIssue({
        code: 'custom',
        path: ['timeoutSeconds'],
        message: 'must not be longer than intervalSeconds (one check at a time per real server)',
      });
    }
    if (check.kind === 'command' && check.command === undefined) {
      context.addIssue({ code: 'custom', path: ['command'], message: 'is required for a command check' });
    }
    if (check.kind !== 'command' && check.command !== undefined) {
      context.addIssue({ code: 'custom', path: ['command'], message: 'is only for kind "command"' });
    }
    const http = check.kind === 'http' || check.kind === 'https';
    for (const field of httpOnly) {
      if (!http && check[field] !== undefined) {
        context.addIssue({ code: 'custom', path: [field], message: 'is only for kind "http" or "https"' });
      }
    }
    if (check.kind !== 'https' && check.verifyTls !== undefined) {
      context.addIssue({ code: 'custom', path: ['verifyTls'], message: 'is only for kind "https"' });
    }
  }) satisfies z.ZodType<HealthCheck>;

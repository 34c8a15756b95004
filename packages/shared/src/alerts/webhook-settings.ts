// The `--webhooks FILE` document: where alerts go, which kinds each receiver wants, and how hard the agent
// tries. Validated once at start; a mistake stops the agent with the field named.
import { z } from 'zod';
import { alertKinds } from './alert-event.js';

const headerName = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export const webhookSchema = z.object({
  url: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//i.test(url), 'a webhook url must start with http:// or https://'),
  /** Kinds this receiver gets; all when left out. */
  events: z.array(z.enum(alertKinds)).min(1).optional(),
  /** Extra request headers, e.g. `Authorization`. */
  headers: z
    .record(
      z.string().regex(headerName, "a header name is letters, digits and !#$%&'*+.^_`|~-"),
      z.string().regex(/^[^\r\n]*$/, 'a header value is one line'),
    )
    .optional(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookRetrySchema = z.object({
  /** Tries per event, the first included; then it is dropped (and logged). */
  maxAttempts: z.number().int().min(1).max(100).default(8),
  /** Wait before the second try; doubled each time after it. */
  firstDelaySeconds: z.number().positive().max(3600).default(1),
  /** The longest wait between two tries. */
  maxDelaySeconds: z.number().positive().max(86_400).default(60),
  /** One try's limit (connect, send, answer). */
  timeoutSeconds: z.number().positive().max(300).default(10),
});
export type WebhookRetry = z.infer<typeof webhookRetrySchema>;

export const webhookSettingsSchema = z.object({
  webhooks: z.array(webhookSchema),
  retry: webhookRetrySchema.default(webhookRetrySchema.parse({})),
  /** Events waiting per receiver; when full, the oldest waiting one is dropped (and logged). */
  queueLimit: z.number().int().min(1).max(100_000).default(1000),
});
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

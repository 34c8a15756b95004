// When to try a webhook again. Pure, so the schedule is tested without waiting for it.
import type { WebhookRetry } from '@ipvs-dashboard/shared';

/**
 * The wait before try `attempt + 1` after try `attempt` (1-based) failed: firstDelay, doubled each time,
 * never above maxDelay. No jitter: one agent sends one event at a time per receiver, so there is no herd
 * of clients to spread.
 */
export function retryDelayMs(attempt: number, retry: WebhookRetry): number {
  const doubled = retry.firstDelaySeconds * 2 ** Math.max(0, attempt - 1);
  return Math.round(Math.min(doubled, retry.maxDelaySeconds) * 1000);
}

/** A 5xx, 429 (slow down) or 408 may pass later; any other 4xx is the body or the address, and will not. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

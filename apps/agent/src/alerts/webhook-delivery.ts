// Delivers alerts to one webhook: in order, one request at a time, each retried with a growing wait until
// it is taken or its tries run out. Nothing here is awaited by whoever raised the alert: `enqueue` returns
// at once, so a dead or slow receiver never holds the change pipeline or the event loop. A receiver that is
// down for long fills its queue; then the oldest waiting event behind the one being tried is dropped (the
// newest say most about now).
import type { AlertBody, Webhook, WebhookRetry } from '@ipvs-dashboard/shared';
import type { PostJson } from './post-json.js';
import { isRetryableStatus, retryDelayMs } from './retry-schedule.js';

export interface DeliveryOptions {
  webhook: Webhook;
  retry: WebhookRetry;
  queueLimit: number;
  post: PostJson;
  log: (message: string) => void;
}

/** What a delivery did so far (tests, and a line in the log when the agent stops). */
export interface DeliveryCounts {
  delivered: number;
  /** Gave up after maxAttempts, or refused with a 4xx that will not change. */
  failed: number;
  /** Pushed out of a full queue. */
  dropped: number;
  retried: number;
}

interface Pending {
  body: AlertBody;
  text: string;
  attempt: number;
}

export class WebhookDelivery {
  readonly counts: DeliveryCounts = { delivered: 0, failed: 0, dropped: 0, retried: 0 };
  private readonly queue: Pending[] = [];
  private busy = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly stopping = new AbortController();
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: DeliveryOptions) {}

  get url(): string {
    return this.options.webhook.url;
  }

  wants(kind: AlertBody['kind']): boolean {
    const { events } = this.options.webhook;
    return events === undefined || events.includes(kind);
  }

  /** Queues the event and returns at once. */
  enqueue(body: AlertBody): void {
    if (this.stopped) return;
    if (this.queue.length >= this.options.queueLimit) {
      // The head may be on the wire or waiting for its retry: the oldest one behind it goes instead.
      const inProgress = (this.busy || this.timer !== null) && this.queue.length > 1;
      const [oldest] = this.queue.splice(inProgress ? 1 : 0, 1);
      this.counts.dropped++;
      if (oldest) {
        this.options.log(
          `webhook ${this.url}: queue full (${this.options.queueLimit}); dropped the oldest waiting event ${oldest.body.kind} ${oldest.body.id} of ${oldest.body.at}`,
        );
      }
    }
    this.queue.push({ body, text: JSON.stringify(body), attempt: 0 });
    this.pump();
  }

  /** Events not yet delivered nor given up (the one being tried included). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves once the queue is empty (tests). */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops trying; events still waiting are dropped (the log says how many). */
  stop(): void {
    this.stopped = true;
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    if (this.queue.length > 0) {
      this.options.log(`webhook ${this.url}: stopping with ${this.queue.length} undelivered event(s)`);
    }
    this.queue.length = 0;
    this.settle();
  }

  private pump(): void {
    if (this.busy || this.timer || this.stopped) return;
    const next = this.queue[0];
    if (!next) {
      this.settle();
      return;
    }
    this.busy = true;
    void this.attempt(next);
  }

  private async attempt(pending: Pending): Promise<void> {
    const { webhook, retry, post, log } = this.options;
    pending.attempt++;
    const outcome = await post(
      webhook.url,
      pending.text,
      webhook.headers ?? {},
      retry.timeoutSeconds * 1000,
      this.stopping.signal,
    );
    this.busy = false;
    if (this.stopped) {
      this.settle();
      return;
    }
    const { kind, id } = pending.body;
    if (outcome.ok) {
      this.finish(pending);
      this.counts.delivered++;
    } else if (outcome.status !== null && !isRetryableStatus(outcome.status)) {
      this.finish(pending);
      this.counts.failed++;
      log(
        `webhook ${webhook.url}: ${kind} ${id} refused with ${outcome.detail}; not retried (check the url and the receiver)`,
      );
    } else if (pending.attempt >= retry.maxAttempts) {
      this.finish(pending);
      this.counts.failed++;
      log(
        `webhook ${webhook.url}: gave up on ${kind} ${id} after ${pending.attempt} tries (last: ${outcome.detail})`,
      );
    } else {
      const delay = retryDelayMs(pending.attempt, retry);
      this.counts.retried++;
      log(
        `webhook ${webhook.url}: ${kind} ${id} try ${pending.attempt} failed (${outcome.detail}); next in ${delay} ms`,
      );
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, delay);
      this.timer.unref();
      return;
    }
    this.pump();
  }

  private finish(pending: Pending): void {
    if (this.queue[0] === pending) this.queue.shift();
  }

  private settle(): void {
    if (this.queue.length > 0 || this.busy) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

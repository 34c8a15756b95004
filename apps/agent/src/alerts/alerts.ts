// The one entry point for alerts: `notify(event)` writes one line to the agent's log and hands the event to
// every webhook that wants its kind. It returns at once; delivery runs on its own (webhook-delivery.ts).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  ALERT_BODY_VERSION,
  type AlertBody,
  type AlertEvent,
  type WebhookSettings,
} from '@ipvs-dashboard/shared';
import { postJson, type PostJson } from './post-json.js';
import { WebhookDelivery } from './webhook-delivery.js';

export interface AlertsOptions {
  /** null: log only. */
  settings: WebhookSettings | null;
  log: (message: string) => void;
  post?: PostJson;
  /** Default: os.hostname(). */
  director?: string;
  now?: () => number;
}

export class Alerts {
  readonly deliveries: readonly WebhookDelivery[];
  private readonly director: string;
  private readonly now: () => number;

  constructor(private readonly options: AlertsOptions) {
    const { settings, log } = options;
    this.director = options.director ?? hostname();
    this.now = options.now ?? Date.now;
    this.deliveries = settings
      ? settings.webhooks.map(
          (webhook) =>
            new WebhookDelivery({
              webhook,
              retry: settings.retry,
              queueLimit: settings.queueLimit,
              post: options.post ?? postJson,
              log,
            }),
        )
      : [];
  }

  /** The body a webhook receives for `event` (docs/api.md "Alerts"). */
  bodyOf(event: AlertEvent): AlertBody {
    return {
      version: ALERT_BODY_VERSION,
      id: randomUUID(),
      kind: event.kind,
      at: new Date(this.now()).toISOString(),
      director: this.director,
      service: event.service ?? null,
      server: event.server ?? null,
      message: event.message,
      details: event.details ?? {},
    };
  }

  /** Logs the event and queues it for the webhooks that want it; never throws, never waits. */
  notify(event: AlertEvent): AlertBody {
    const body = this.bodyOf(event);
    this.options.log(`alert ${body.kind}: ${body.message}`);
    for (const delivery of this.deliveries) if (delivery.wants(body.kind)) delivery.enqueue(body);
    return body;
  }

  /** Resolves when every webhook's queue is empty (tests). */
  async idle(): Promise<void> {
    await Promise.all(this.deliveries.map((delivery) => delivery.idle()));
  }

  stop(): void {
    for (const delivery of this.deliveries) delivery.stop();
  }
}

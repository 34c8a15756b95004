// The demo's outage: one web server's simulated server goes down for a while and comes back, again and
// again, so the dashboard shows its health check taking it out and putting it back (docs/api.md "Health
// checks"). Only the traffic model changes; the checks answer from it and never touch a network.
import type { DestinationKey, HealthCheck, ServiceKey } from '@ipvs-dashboard/shared';
import { DEMO_WEB } from './demo-table.js';

export const DEMO_FAILING: DestinationKey = { address: '10.0.1.3', port: 8080 };

/** The check the demo sets on its web service when none is set yet. */
export const DEMO_CHECK: HealthCheck = {
  kind: 'http',
  intervalSeconds: 2,
  timeoutSeconds: 1,
  rise: 2,
  fall: 3,
  path: '/healthz',
  expectStatus: [200],
};

export interface OutageTarget {
  setFailing(key: ServiceKey, dest: DestinationKey, failing: boolean): void;
}

/** Down for `downMs` out of every `periodMs`, starting `periodMs - downMs` from now. Returns how to stop. */
export function startDemoOutage(backend: OutageTarget, periodMs = 120_000, downMs = 30_000): () => void {
  let down = false;
  let timer: NodeJS.Timeout;
  const flip = () => {
    down = !down;
    try {
      backend.setFailing(DEMO_WEB, DEMO_FAILING, down);
    } catch {
      // The server was removed from the demo table: nothing left to fail.
    }
    timer = setTimeout(flip, down ? downMs : periodMs - downMs);
    timer.unref();
  };
  timer = setTimeout(flip, periodMs - downMs);
  timer.unref();
  return () => clearTimeout(timer);
}

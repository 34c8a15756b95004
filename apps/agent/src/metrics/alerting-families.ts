// The families Alertmanager users alert from: each checked real server's health and check time, each hold,
// and the table digest a pair of directors is compared by. Always served (not opt-in): their rows exist
// only for real servers with a check or a hold, so a table without either adds only the digest.
import {
  destinationIdOf,
  serviceIdOf,
  type HealthStatus,
  type Hold,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { serviceLabels } from './dashboard-families.js';
import { escapeLabelValue, familyHeader, formatValue } from './prometheus-text.js';
import { cachedTableDigest, type DigestCache } from './table-digest.js';

/** Rows looked up between pauses. */
const ROW_SLICE = 200;

/** Each real server's holds and health (holds/row-status.ts in the agent). */
export interface RowStatusLookup {
  statusOf(serviceId: string, destinationId: string): { holds: readonly Hold[]; health: HealthStatus };
}

export interface AlertingInput {
  table: readonly ServiceWithDestinations[];
  status?: RowStatusLookup;
  generation?: number;
  cache?: { digest?: DigestCache | null };
}

const HEALTH_UP = 'ipvs_dashboard_destination_health_up';
const CHECK_SECONDS = 'ipvs_dashboard_destination_check_duration_seconds';
const HELD = 'ipvs_dashboard_destination_held';
const DIGEST = 'ipvs_dashboard_table_digest';

/**
 * `health_up` is 1 (up) or 0 (down) only once the check has a verdict: a server whose check is new
 * (`unknown`) or that has none (`disabled`) has no series, so `== 0` never fires on a check that has not
 * decided yet, and a check being removed ends its series instead of leaving a stale 0.
 */
export function* alertingText(input: AlertingInput): Generator<string> {
  const health: string[] = [];
  const seconds: string[] = [];
  const held: string[] = [];
  if (input.status) {
    let rows = 0;
    for (const service of input.table) {
      let labels: string | null = null;
      const sid = serviceIdOf(service);
      for (const dest of service.destinations) {
        if (++rows % ROW_SLICE === 0) yield '';
        const { holds, health: status } = input.status.statusOf(sid, destinationIdOf(dest));
        if (holds.length === 0 && status.state === 'disabled') continue;
        labels ??= serviceLabels(service.key);
        const row = `${labels},real_address="${escapeLabelValue(dest.address)}",real_port="${dest.port}"`;
        if (status.state === 'up' || status.state === 'down') {
          health.push(`${HEALTH_UP}{${row}} ${status.state === 'up' ? 1 : 0}\n`);
        }
        if (status.state !== 'disabled' && status.lastResult) {
          seconds.push(`${CHECK_SECONDS}{${row}} ${formatValue(status.lastResult.ms / 1000)}\n`);
        }
        for (const hold of holds) held.push(`${HELD}{${row},kind="${escapeLabelValue(hold.kind)}"} 1\n`);
      }
    }
  }
  if (health.length > 0) {
    yield familyHeader(
      HEALTH_UP,
      'Health check verdict: 1 up, 0 down (after rise/fall). No series while the check has no verdict yet or none is set.',
      'gauge',
    );
    yield* health;
  }
  if (seconds.length > 0) {
    yield familyHeader(CHECK_SECONDS, 'How long the last health check took, failed ones included.', 'gauge');
    yield* seconds;
  }
  if (held.length > 0) {
    yield familyHeader(
      HELD,
      'Holds keeping a real server out of rotation, one series per kind (1).',
      'gauge',
    );
    yield* held;
  }
  const digest = yield* cachedTableDigest(input.table, input.generation, input.cache ?? {});
  yield `${familyHeader(DIGEST, 'First 52 bits of the SHA-256 of the table configuration (GET /api/v1/config without # lines): equal on two directors exactly when their tables are.', 'gauge')}${DIGEST} ${formatValue(digest)}\n`;
}

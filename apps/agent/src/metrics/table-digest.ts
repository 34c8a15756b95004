// A number that is the same on two directors exactly when their tables are configured the same: the first
// 52 bits of the SHA-256 of the table's `GET /api/v1/config` text (`ipvsadm -Sn` with -x/-y), so it is
// exact in a float64 sample and an operator can recompute it by hand. Counters and connections are not
// in it; weights are (a backup whose weights lag its master is out of step).
import { createHash } from 'node:crypto';
import { formatCommand, type ServiceWithDestinations } from '@ipvs-dashboard/shared';

/** Lines hashed between pauses. */
const LINE_SLICE = 200;

export interface DigestCache {
  generation: number;
  /** Real servers per service: a table of another shape is never given a cached digest. */
  shape: string;
  value: number;
}

const shapeOf = (table: readonly ServiceWithDestinations[]) =>
  table.map((service) => service.destinations.length).join(',');

/**
 * Yields '' where the caller may pause; returns the digest. The rows are taken in the order of the reading,
 * which every backend gives in ipvsadm's (IpvsBackend's contract, held by test/contract): sorting 10,000
 * real servers again here would cost as much as hashing them.
 */
export function* tableDigest(table: readonly ServiceWithDestinations[]): Generator<string, number> {
  const hash = createHash('sha256');
  let lines = 0;
  for (const service of table) {
    const { key, destinations, ...settings } = service;
    hash.update(`${formatCommand({ kind: 'add-service', service: { ...key, ...settings } })}\n`);
    for (const destination of destinations) {
      hash.update(`${formatCommand({ kind: 'add-destination', service: key, destination })}\n`);
      if (++lines % LINE_SLICE === 0) yield '';
    }
  }
  return parseInt(hash.digest('hex').slice(0, 13), 16);
}

/** The digest of a table generation, computed once per generation (the configuration only changes with it). */
export function* cachedTableDigest(
  table: readonly ServiceWithDestinations[],
  generation: number | undefined,
  cache: { digest?: DigestCache | null },
): Generator<string, number> {
  const known = cache.digest;
  const shape = shapeOf(table);
  if (generation !== undefined && known?.generation === generation && known.shape === shape)
    return known.value;
  const value = yield* tableDigest(table);
  if (generation !== undefined) cache.digest = { generation, shape, value };
  return value;
}

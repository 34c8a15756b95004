import type { Destination, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId, drainWarning } from '@ipvs-dashboard/shared';

// The real servers board, as data: which lane a server is in, how far a quiesced one has drained, and
// when to warn about persistence templates. Pure, so it is tested without a DOM.
export type Lane = 'active' | 'quiesced';

/** Quiesced means weight 0: the scheduler sends it no new connections; existing ones live on. */
export function laneOf(destination: Pick<Destination, 'weight'>): Lane {
  return destination.weight === 0 ? 'quiesced' : 'active';
}

export function splitLanes(destinations: readonly Destination[]): Record<Lane, Destination[]> {
  const lanes: Record<Lane, Destination[]> = { active: [], quiesced: [] };
  for (const destination of destinations) lanes[laneOf(destination)].push(destination);
  return lanes;
}

export type DrainState = 'serving' | 'draining' | 'drained';

/** A quiesced server is drained once no connection and no persistence template points at it. */
export function drainState(destination: Destination): DrainState {
  if (destination.weight > 0) return 'serving';
  const left = destination.activeConns + destination.inactiveConns + destination.persistentConns;
  return left === 0 ? 'drained' : 'draining';
}

/**
 * With persistence, a returning client follows its template to the same server even at weight 0, until
 * the template times out, unless net.ipv4.vs.expire_quiescent_template is 1 (the rule: shared
 * drain-warning.ts). Until the setting is read there is nothing to say.
 */
export function needsTemplateWarning(
  service: ServiceWithDestinations,
  expireQuiescentTemplate: number | undefined,
): boolean {
  return (
    expireQuiescentTemplate !== undefined &&
    drainWarning(service.persistence, expireQuiescentTemplate) !== null
  );
}

/** Remembers the weight a server had when it was dragged to Quiesced, to show it at once on the way back. */
const lastWeights = new Map<string, number>();

export function rememberWeight(sid: string, destination: Destination): void {
  if (destination.weight > 0) lastWeights.set(`${sid} ${destinationId(destination)}`, destination.weight);
}

export function rememberedWeight(sid: string, did: string): number {
  return lastWeights.get(`${sid} ${did}`) ?? 1;
}

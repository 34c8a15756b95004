// Quiesce and unquiesce of one real server, as the quiesce routes and a fleet quiesce on this director
// (fleet-local-steps.ts) both make them: the operator hold (holds/hold-changes.ts) that remembers the
// weight, the drain refusal before an unquiesce, and a dry run that answers the same plan POST /config
// would show for the weight it sets, so a fleet change shows every kind of change alike.
import {
  planRestore,
  type ChangeActor,
  type DestinationKey,
  type RestorePlan,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { expectedAfter } from '../../changes/index.js';
import { refuseWhileDraining } from '../../drain/index.js';
import {
  placeHold,
  planPlaceHold,
  planReleaseHold,
  releaseHold,
  type HoldPlan,
  type HoldRequest,
} from '../../holds/index.js';
import type { AgentContext } from '../agent-context.js';

export interface QuiesceCall {
  key: ServiceKey;
  dest: DestinationKey;
  actor: ChangeActor;
  ifMatch: number | null;
  /** The fleet change it is part of: on its record, and named in the hold's reason. */
  fleetChange?: string | undefined;
}

function operatorHold(call: QuiesceCall) {
  const by = call.actor.type === 'api' ? `quiesced by ${call.actor.name}` : 'quiesced';
  const reason = call.fleetChange === undefined ? by : `${by} (fleet change ${call.fleetChange})`;
  return { kind: 'operator' as const, since: Date.now(), reason };
}

const holdRequest = (call: QuiesceCall, action: 'quiesce' | 'unquiesce'): HoldRequest => ({
  key: call.key,
  dest: call.dest,
  actor: call.actor,
  action,
  ifMatch: call.ifMatch,
  fleetChange: call.fleetChange,
});

/** What a dry run would change, as the plan of a restore text (empty: nothing to do there). */
function planOf({ before, commands }: HoldPlan): RestorePlan {
  return planRestore(before, expectedAfter(before, commands)).plan;
}

export function quiesce(context: AgentContext, call: QuiesceCall) {
  return placeHold(context, holdRequest(call, 'quiesce'), operatorHold(call));
}

export async function planQuiesce(context: AgentContext, call: QuiesceCall): Promise<RestorePlan> {
  return planOf(await planPlaceHold(context, holdRequest(call, 'quiesce'), operatorHold(call)));
}

/** Refused with HELD_BY_DRAIN while a drain runs, HELD_BY_HEALTH while its check holds it. */
export function unquiesce(context: AgentContext, call: QuiesceCall & { weight?: number | undefined }) {
  refuseWhileDraining(context.drains, call.key, call.dest, 'unquiesce');
  return releaseHold(context, {
    ...holdRequest(call, 'unquiesce'),
    kind: 'operator',
    ...(call.weight === undefined ? {} : { weight: call.weight }),
  });
}

export async function planUnquiesce(
  context: AgentContext,
  call: QuiesceCall & { weight?: number | undefined },
): Promise<RestorePlan> {
  refuseWhileDraining(context.drains, call.key, call.dest, 'unquiesce');
  const request = {
    ...holdRequest(call, 'unquiesce'),
    kind: 'operator' as const,
    ...(call.weight === undefined ? {} : { weight: call.weight }),
  };
  return planOf(await planReleaseHold(context, request));
}

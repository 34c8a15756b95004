// Placing and releasing holds (shared holds.ts) through the change pipeline: the first hold takes a real
// server out (weight 0, its weight remembered), the last one released puts that weight back; holds in
// between change only the hold store. Used by the quiesce routes (operator), the health checks (health) and
// the drain tracker (drain).
import {
  AppError,
  destinationId,
  holdOf,
  serviceId,
  type ChangeAction,
  type ChangeActor,
  type ChangeRecord,
  type DestinationKey,
  type Hold,
  type HoldKind,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import {
  realServerLabel,
  savableDestination,
  theDestination,
  type ChangePipeline,
  type TableChangeResult,
} from '../changes/index.js';
import { HoldStore } from '../state/index.js';

export interface HoldDeps {
  pipeline: ChangePipeline;
  holds: HoldStore;
  /** Slow start (policy/slow-start.ts): how a server returns once its last hold is released. */
  returns?: ReturnHook;
}

/**
 * Where a return happens (the last hold released), for slow start: the return goes under the ramp's id with
 * its first step's weight, and a hold placed mid-ramp stops the ramp and remembers its target weight.
 */
export interface ReturnHook {
  prepareReturn(key: ServiceKey): { id: string; firstWeight(target: number): number } | undefined;
  returned(record: ChangeRecord, key: ServiceKey, dest: DestinationKey, target: number): Promise<void>;
  /** Stops the ramp of a real server being held; its target weight, or undefined when it was not ramping. */
  interrupt(memoryKey: string): Promise<number | undefined>;
}

export interface HoldRequest {
  key: ServiceKey;
  dest: DestinationKey;
  actor: ChangeActor;
  action: ChangeAction;
  ifMatch?: number | null;
}

const secondsAgo = (since: number) => `${Math.max(0, Math.round((Date.now() - since) / 1000))} s`;

/** The sentence of a 409 when a health hold outlives an operator's unquiesce. */
function heldByHealth(label: string, hold: Hold): AppError {
  return new AppError(
    'HELD_BY_HEALTH',
    `${label} stays out: its health check holds it (${hold.reason}, ${secondsAgo(hold.since)}). It returns by itself once the check passes; nothing was changed. To override the check, set its weight directly (PATCH).`,
  );
}

/**
 * Places `hold`. A server in rotation is taken out (weight 0) with its weight remembered first, so an agent
 * killed between the two steps still knows it; an already held one only gains the hold. A server at weight
 * 0 that the agent did not take out gets no hold (there is no weight to give back).
 */
export function placeHold(deps: HoldDeps, request: HoldRequest, hold: Hold): Promise<TableChangeResult> {
  const { key, dest } = request;
  const memoryKey = HoldStore.key(serviceId(key), destinationId(dest));
  let weight = 0;
  let remembered: Promise<void> | undefined;
  return deps.pipeline.run({
    action: request.action,
    actor: request.actor,
    ifMatch: request.ifMatch ?? null,
    scope: [key],
    async plan(before) {
      const current = theDestination(before, dest);
      if (current.weight === 0) {
        if (deps.holds.get(memoryKey)) await deps.holds.place(memoryKey, 0, hold);
        return [];
      }
      weight = current.weight;
      const target = await deps.returns?.interrupt(memoryKey);
      // Written while the journal is (durableBeforeApply): both are on disk before the kernel step.
      remembered = deps.holds.place(memoryKey, target ?? current.weight, hold);
      remembered.catch(() => undefined); // awaited by the pipeline; a refusal before that must not go unhandled
      return [
        {
          kind: 'edit-destination',
          service: key,
          destination: { ...savableDestination(current), weight: 0 },
        },
      ];
    },
    durableBeforeApply: () => remembered,
    summary: () => {
      const label = realServerLabel(key, dest);
      if (hold.kind === 'operator') return `Quiesced ${label} (weight ${weight} -> 0)`;
      if (hold.kind === 'drain') return `Draining ${label}: ${hold.reason} (weight ${weight} -> 0)`;
      return `Health check took ${label} out: ${hold.reason} (weight ${weight} -> 0)`;
    },
  });
}

/**
 * Releases the hold of `kind`. While another hold remains the server stays out; the last one gone puts
 * back the remembered weight (or `weight`, when the caller names one). An operator's release refuses with
 * HELD_BY_HEALTH while a health hold remains, and changes nothing.
 */
export async function releaseHold(
  deps: HoldDeps,
  request: HoldRequest & { kind: HoldKind; weight?: number },
): Promise<TableChangeResult> {
  const { key, dest, kind } = request;
  const memoryKey = HoldStore.key(serviceId(key), destinationId(dest));
  let weight = 0;
  const ramp = deps.returns?.prepareReturn(key);
  const result = await deps.pipeline.run({
    action: request.action,
    actor: request.actor,
    ifMatch: request.ifMatch ?? null,
    scope: [key],
    ...(ramp ? { partOf: ramp.id } : {}),
    async plan(before) {
      const current = theDestination(before, dest);
      const held = deps.holds.get(memoryKey);
      if (current.weight !== 0) {
        if (held) await deps.holds.forget(memoryKey); // in rotation already: the table wins
        return [];
      }
      const health = holdOf(held?.holds, 'health');
      if (kind === 'operator' && health) throw heldByHealth(realServerLabel(key, dest), health);
      if (held && held.holds.some((h) => h.kind !== kind)) {
        await deps.holds.release(memoryKey, kind);
        return [];
      }
      if (request.weight === undefined && held === undefined) {
        if (kind === 'health') return [];
        throw new AppError(
          'VALIDATION_FAILED',
          `${realServerLabel(key, dest)} has weight 0 but was not quiesced through the agent, so there is no weight to restore. Send {"weight": n}.`,
          { field: 'weight' },
        );
      }
      weight = request.weight ?? held?.weight ?? 0;
      const now = ramp ? ramp.firstWeight(weight) : weight;
      return [
        {
          kind: 'edit-destination',
          service: key,
          destination: { ...savableDestination(current), weight: now },
        },
      ];
    },
    summary: () => {
      const label = realServerLabel(key, dest);
      if (kind === 'operator') return `Unquiesced ${label} (weight 0 -> ${weight})`;
      if (kind === 'drain') return `Drain of ${label} cancelled, back in rotation (weight 0 -> ${weight})`;
      return `Health check passed, ${label} back (weight 0 -> ${weight})`;
    },
  });
  if (result.commands.length > 0) await deps.holds.forget(memoryKey);
  if (ramp && result.record) await deps.returns?.returned(result.record, key, dest, weight);
  return result;
}

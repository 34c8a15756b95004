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
  type TableChangeRequest,
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
  /** The fleet change this is part of (X-Fleet-Change): kept on its change record. */
  fleetChange?: string | undefined;
}

/** What a dry run answers: the rows it read and the commands it would run (none: nothing to do). */
export type HoldPlan = Awaited<ReturnType<ChangePipeline['plan']>>;

const secondsAgo = (since: number) => `${Math.max(0, Math.round((Date.now() - since) / 1000))} s`;

/** The sentence of a 409 when a health hold outlives an operator's unquiesce. */
function heldByHealth(label: string, hold: Hold): AppError {
  return new AppError(
    'HELD_BY_HEALTH',
    `${label} stays out: its health check holds it (${hold.reason}, ${secondsAgo(hold.since)}). It returns by itself once the check passes; nothing was changed. To override the check, set its weight directly (PATCH).`,
  );
}

/** A dry run changes nothing but answers what the change would do and refuses what it would refuse. */
type Mode = 'apply' | 'dry-run';

function placeRequest(deps: HoldDeps, request: HoldRequest, hold: Hold, mode: Mode): TableChangeRequest {
  const { key, dest } = request;
  const memoryKey = HoldStore.key(serviceId(key), destinationId(dest));
  let weight = 0;
  let remembered: Promise<void> | undefined;
  return {
    action: request.action,
    actor: request.actor,
    ifMatch: request.ifMatch ?? null,
    fleetChange: request.fleetChange,
    scope: [key],
    async plan(before) {
      const current = theDestination(before, dest);
      if (current.weight === 0) {
        if (mode === 'apply' && deps.holds.get(memoryKey)) await deps.holds.place(memoryKey, 0, hold);
        return [];
      }
      weight = current.weight;
      if (mode === 'apply') {
        const target = await deps.returns?.interrupt(memoryKey);
        // Written while the journal is (durableBeforeApply): both are on disk before the kernel step.
        remembered = deps.holds.place(memoryKey, target ?? current.weight, hold);
        remembered.catch(() => undefined); // awaited by the pipeline; a refusal before that must not go unhandled
      }
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
  };
}

/**
 * Places `hold`. A server in rotation is taken out (weight 0) with its weight remembered first, so an agent
 * killed between the two steps still knows it; an already held one only gains the hold. A server at weight
 * 0 that the agent did not take out gets no hold (there is no weight to give back).
 */
export function placeHold(deps: HoldDeps, request: HoldRequest, hold: Hold): Promise<TableChangeResult> {
  return deps.pipeline.run(placeRequest(deps, request, hold, 'apply'));
}

/** placeHold's dry run (a fleet quiesce's plan): the commands it would run; nothing placed, nothing changed. */
export function planPlaceHold(deps: HoldDeps, request: HoldRequest, hold: Hold): Promise<HoldPlan> {
  return deps.pipeline.plan(placeRequest(deps, request, hold, 'dry-run'));
}

type ReleaseRequest = HoldRequest & { kind: HoldKind; weight?: number };

function releaseRequest(
  deps: HoldDeps,
  request: ReleaseRequest,
  ramp: ReturnType<ReturnHook['prepareReturn']>,
  mode: Mode,
): { change: TableChangeRequest; weight: () => number } {
  const { key, dest, kind } = request;
  const memoryKey = HoldStore.key(serviceId(key), destinationId(dest));
  let weight = 0;
  const change: TableChangeRequest = {
    action: request.action,
    actor: request.actor,
    ifMatch: request.ifMatch ?? null,
    fleetChange: request.fleetChange,
    scope: [key],
    ...(ramp ? { partOf: ramp.id } : {}),
    async plan(before) {
      const current = theDestination(before, dest);
      const held = deps.holds.get(memoryKey);
      if (current.weight !== 0) {
        // in rotation already: the table wins
        if (held && mode === 'apply') await deps.holds.forget(memoryKey);
        return [];
      }
      const health = holdOf(held?.holds, 'health');
      if (kind === 'operator' && health) throw heldByHealth(realServerLabel(key, dest), health);
      if (held && held.holds.some((h) => h.kind !== kind)) {
        if (mode === 'apply') await deps.holds.release(memoryKey, kind);
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
    // Its undo puts the server back out under an operator hold remembering this weight (undo-holds.ts), so
    // an undone return (a fleet unquiesce rolled back) can be unquiesced again to the same weight.
    heldOut: () =>
      weight > 0 ? [{ service: serviceId(key), destination: destinationId(dest), weight }] : [],
    summary: () => {
      const label = realServerLabel(key, dest);
      if (kind === 'operator') return `Unquiesced ${label} (weight 0 -> ${weight})`;
      if (kind === 'drain') return `Drain of ${label} cancelled, back in rotation (weight 0 -> ${weight})`;
      return `Health check passed, ${label} back (weight 0 -> ${weight})`;
    },
  };
  return { change, weight: () => weight };
}

/**
 * Releases the hold of `kind`. While another hold remains the server stays out; the last one gone puts
 * back the remembered weight (or `weight`, when the caller names one). An operator's release refuses with
 * HELD_BY_HEALTH while a health hold remains, and changes nothing.
 */
export async function releaseHold(deps: HoldDeps, request: ReleaseRequest): Promise<TableChangeResult> {
  const { key, dest } = request;
  const memoryKey = HoldStore.key(serviceId(key), destinationId(dest));
  const ramp = deps.returns?.prepareReturn(key);
  const { change, weight } = releaseRequest(deps, request, ramp, 'apply');
  const result = await deps.pipeline.run(change);
  if (result.commands.length > 0) await deps.holds.forget(memoryKey);
  if (ramp && result.record) await deps.returns?.returned(result.record, key, dest, weight());
  return result;
}

/** releaseHold's dry run (a fleet unquiesce's plan): refuses as it would; nothing released, nothing changed. */
export function planReleaseHold(deps: HoldDeps, request: ReleaseRequest): Promise<HoldPlan> {
  return deps.pipeline.plan(releaseRequest(deps, request, undefined, 'dry-run').change);
}

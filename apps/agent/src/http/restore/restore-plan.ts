import {
  destinationId,
  serviceId,
  type DestinationInput,
  type ServiceInput,
  type ServiceKey,
  formatCommand,
  type IpvsadmCommand,
} from '@ipvs-dashboard/shared';
import type { DesiredService } from './desired-table.js';

/** One step of a plan, in the order it must run (removals first so re-added keys do not collide). */
export type PlanStep =
  | { op: 'delete-service'; key: ServiceKey }
  | { op: 'delete-destination'; key: ServiceKey; dest: DestinationInput }
  | { op: 'edit-service'; input: ServiceInput }
  | { op: 'add-service'; input: ServiceInput }
  | { op: 'edit-destination'; key: ServiceKey; dest: DestinationInput }
  | { op: 'add-destination'; key: ServiceKey; dest: DestinationInput };

/** The wire summary (RestorePlan): one ipvsadm line per step. */
export interface PlanSummary {
  added: string[];
  changed: string[];
  removed: string[];
}

function keyOf(input: ServiceInput): ServiceKey {
  return input.protocol === 'fwmark'
    ? { protocol: 'fwmark', fwmark: input.fwmark, family: input.family }
    : { protocol: input.protocol, address: input.address, port: input.port };
}

function same(a: object, b: object): boolean {
  const norm = (o: object) =>
    JSON.stringify(
      Object.entries(o).sort(([x], [y]) => x.localeCompare(y)),
      (_k, v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v),
    );
  return norm(a) === norm(b);
}

/** Steps that turn `current` into `desired`, touching only what differs. */
export function planRestore(
  current: readonly DesiredService[],
  desired: readonly DesiredService[],
): PlanStep[] {
  const removals: PlanStep[] = [];
  const edits: PlanStep[] = [];
  const additions: PlanStep[] = [];
  const now = new Map(current.map((s) => [serviceId(keyOf(s.service)), s]));
  for (const want of desired) {
    const key = keyOf(want.service);
    const have = now.get(serviceId(key));
    now.delete(serviceId(key));
    if (!have) {
      additions.push({ op: 'add-service', input: want.service });
      for (const dest of want.destinations) additions.push({ op: 'add-destination', key, dest });
      continue;
    }
    if (!same(have.service, want.service)) edits.push({ op: 'edit-service', input: want.service });
    const dests = new Map(have.destinations.map((d) => [destinationId(d), d]));
    for (const dest of want.destinations) {
      const existing = dests.get(destinationId(dest));
      dests.delete(destinationId(dest));
      if (!existing) additions.push({ op: 'add-destination', key, dest });
      else if (!same(existing, dest)) edits.push({ op: 'edit-destination', key, dest });
    }
    for (const dest of dests.values()) removals.push({ op: 'delete-destination', key, dest });
  }
  for (const gone of now.values()) removals.unshift({ op: 'delete-service', key: keyOf(gone.service) });
  return [...removals, ...edits, ...additions];
}

/** The ipvsadm command a step makes (for its line in plans and errors). */
export function commandOfStep(step: PlanStep): IpvsadmCommand {
  switch (step.op) {
    case 'delete-service':
      return { kind: 'delete-service', service: step.key };
    case 'edit-service':
    case 'add-service':
      return { kind: step.op, service: step.input };
    case 'delete-destination':
      return { kind: 'delete-destination', service: step.key, destination: step.dest };
    case 'edit-destination':
    case 'add-destination':
      return { kind: step.op, service: step.key, destination: step.dest };
  }
}

/** The plan as the ipvsadm lines that would make each step, e.g. "-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1". */
export function summarisePlan(steps: readonly PlanStep[]): PlanSummary {
  const summary: PlanSummary = { added: [], changed: [], removed: [] };
  for (const step of steps) {
    const bucket = step.op.startsWith('add')
      ? summary.added
      : step.op.startsWith('edit')
        ? summary.changed
        : summary.removed;
    bucket.push(formatCommand(commandOfStep(step), { thresholds: true }));
  }
  return summary;
}

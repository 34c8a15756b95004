// Undo of a change that removed a held-out real server (a drain's `drain-remove`) brings the server back
// held out, not serving: at weight 0 (as it was when removed) under an operator hold that remembers the
// weight it had before it was taken out, so an ordinary unquiesce gives that weight back. Traffic to a
// server someone drained away never resumes by an undo alone; the operator decides when (docs/api.md "Drain").
import {
  destinationId,
  serviceId,
  type ChangeRecord,
  type HeldOut,
  type IpvsadmCommand,
} from '@ipvs-dashboard/shared';
import { HoldStore } from '../state/index.js';

/** The held-out servers of `record` the undo's commands put back at weight 0. */
export function heldOutBack(record: ChangeRecord, commands: readonly IpvsadmCommand[]): HeldOut[] {
  return (record.heldOut ?? []).filter((held) =>
    commands.some(
      (command) =>
        (command.kind === 'add-destination' || command.kind === 'edit-destination') &&
        command.destination.weight === 0 &&
        serviceId(command.service) === held.service &&
        destinationId(command.destination) === held.destination,
    ),
  );
}

/** Places their operator holds (durable before the kernel step, as every hold is). */
export async function holdOutAgain(
  holds: HoldStore,
  back: readonly HeldOut[],
  undoneId: string,
  now: number,
): Promise<void> {
  for (const held of back) {
    await holds.place(HoldStore.key(held.service, held.destination), held.weight, {
      kind: 'operator',
      since: now,
      reason: `brought back by the undo of ${undoneId}; unquiesce gives back weight ${held.weight}`,
    });
  }
}

/** The undo summary's tail: which servers stay out and what unquiesce gives back. */
export function heldOutText(back: readonly HeldOut[]): string {
  return back
    .map((held) => `; ${held.destination} held out at weight 0, unquiesce gives back weight ${held.weight}`)
    .join('');
}

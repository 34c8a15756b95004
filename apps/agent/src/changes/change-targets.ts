// What a change touches and aims at, computed from the rows before it and its commands: pure functions of
// the shared ipvsadm model, used by the change pipeline (journal rows, rollback) and by undo.
import {
  AppError,
  applyRestoreLines,
  patchRows,
  planRestore,
  serviceId,
  type IpvsadmCommand,
  type SavableService,
} from '@ipvs-dashboard/shared';

/** serviceId() of the services the commands touch; 'all' when one acts on the whole table. */
export function touchedServices(commands: readonly IpvsadmCommand[], before: readonly SavableService[]) {
  const ids = new Set<string>();
  let wholeTable = false;
  for (const command of commands) {
    if ('service' in command && command.service) ids.add(serviceId(command.service));
    else if (command.kind === 'clear' || command.kind === 'zero') wholeTable = true;
  }
  if (wholeTable) for (const row of before) ids.add(serviceId(row.key));
  return { ids, wholeTable };
}

/** The table the commands leave, computed as the kernel would (refusing what it would refuse). */
export function expectedAfter(
  before: SavableService[],
  commands: readonly IpvsadmCommand[],
): SavableService[] {
  try {
    return applyRestoreLines(
      before,
      commands.map((command, index) => ({ line: index + 1, command })),
    );
  } catch (error) {
    // The catalogue's sentence (the kernel's), not "line 1:" of a text nobody sent.
    if (error instanceof AppError) throw new AppError(error.code, undefined, { field: error.field ?? '' });
    throw error;
  }
}

/** The commands that take the rows a patch touched from `from` back to `to`, traffic-safe. */
export function planBack(
  now: readonly SavableService[],
  from: readonly SavableService[],
  to: readonly SavableService[],
): IpvsadmCommand[] {
  const patched = patchRows(now, from, to);
  return planRestore(patched.current, patched.target).commands;
}

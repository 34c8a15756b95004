// Changes nobody made through this agent (ipvsadm, keepalived, another tool) are recorded too, as
// `external`, from what the monitor saw between two readings: the services they touched before and
// after, the ipvsadm commands that would make the same difference, and the commands that undo it.
import {
  formatCommand,
  ownersOf,
  parseServiceId,
  planRestore,
  serviceId,
  type ChangeRecord,
  type ServiceWithDestinations,
  type TableOwner,
} from '@ipvs-dashboard/shared';
import type { MonitorEvent } from '../live/index.js';
import { newChangeId } from './change-ids.js';
import type { ChangeLog } from './change-log.js';
import { savableService } from './table-rows.js';

type ChangeEvent = Extract<MonitorEvent, { type: 'change' }>;

const line = (command: Parameters<typeof formatCommand>[0]) =>
  `ipvsadm ${formatCommand(command, { thresholds: true })}`;

function rowsOf(table: readonly ServiceWithDestinations[], ids: ReadonlySet<string>) {
  return table.filter((s) => ids.has(serviceId(s.key))).map((s) => savableService(s, s.destinations));
}

/** The programs that manage any of these services: the likely authors of a change to them. */
function likelyAuthors(owners: readonly TableOwner[], services: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const service of services) for (const owner of ownersOf(owners, service)) names.add(owner.name);
  return [...names];
}

export function externalRecord(event: ChangeEvent, owners: readonly TableOwner[] = []): ChangeRecord {
  const ids = new Set<string>();
  const zeroed: string[] = [];
  for (const change of event.changes) {
    if (change.kind === 'cleared') for (const s of event.previous) ids.add(serviceId(s.key));
    else if (change.kind === 'zeroed') zeroed.push(change.service ?? 'all');
    else if (change.service !== undefined) ids.add(change.service);
  }
  const before = rowsOf(event.previous, ids);
  const after = rowsOf(event.table, ids);
  const commands = planRestore(before, after).commands.map((c) => line(c));
  for (const sid of zeroed) {
    commands.push(line(sid === 'all' ? { kind: 'zero' } : { kind: 'zero', service: parseServiceId(sid) }));
  }
  const parts = event.changes.map((c) => [c.kind, c.service, c.destination].filter(Boolean).join(' '));
  const likely = likelyAuthors(owners, [...ids, ...zeroed]);
  const by =
    likely.length > 0
      ? ` (likely ${likely.join(' or ')}, which manages ${likely.length > 1 ? 'them' : 'it'})`
      : '';
  return {
    id: newChangeId(event.at),
    at: event.at,
    actor: likely.length > 0 ? { type: 'external', likely } : { type: 'external' },
    source: 'external',
    action: 'external',
    summary: `Seen, not made here${by}: ${parts.slice(0, 5).join('; ')}${parts.length > 5 ? `; ${parts.length - 5} more` : ''}`,
    status: 'applied',
    services: [...new Set([...ids, ...zeroed.filter((sid) => sid !== 'all')])],
    commands,
    // Counters cannot be put back; a difference in the table can.
    inverse:
      zeroed.length > 0 && ids.size === 0 ? null : planRestore(after, before).commands.map((c) => line(c)),
    before,
    after,
    generation: event.generation,
  };
}

/**
 * Records every external change the monitor reports; failures to write go to `onError`. `onRecorded` hears
 * of each record once it is in the log (the alerts).
 */
export function recordExternalChanges(
  log: ChangeLog,
  onError: (error: unknown) => void,
  owners: () => Promise<readonly TableOwner[]> = () => Promise.resolve([]),
  onRecorded: (record: ChangeRecord) => void = () => undefined,
) {
  return (event: MonitorEvent): void => {
    if (event.type !== 'change' || event.source !== 'external') return;
    // Who manages the touched services is looked up when the change is seen (a fresh /proc scan), so a
    // keepalived that just started or reloaded a new configuration is named.
    owners()
      .then(async (found) => {
        const record = externalRecord(event, found);
        await log.append(record);
        onRecorded(record);
      })
      .catch(onError);
  };
}

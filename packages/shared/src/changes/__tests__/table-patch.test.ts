import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceId } from '../../ids.js';
import { planRestore } from '../../ipvsadm-format/plan-restore.js';
import { applyRestoreLines, type SavableService } from '../../ipvsadm-format/save-table.js';
import { savableTable } from '../../ipvsadm-format/__tests__/arbitraries.js';
import { patchConflicts, patchRows } from '../table-patch.js';

/** The table after applying the commands that take a patch's rows from -> to, starting from `table`. */
function applyPatch(table: SavableService[], from: SavableService[], to: SavableService[]): SavableService[] {
  const { current, target } = patchRows(table, from, to);
  const commands = planRestore(current, target).commands;
  return applyRestoreLines(
    table,
    commands.map((command, index) => ({ line: index + 1, command })),
  );
}

const same = (a: readonly SavableService[], b: readonly SavableService[]) =>
  planRestore(a, b).commands.length === 0;

/** A change as the change log keeps it: the services it touched, before and after. */
function recorded(before: SavableService[], after: SavableService[]) {
  const touched = new Set(
    planRestore(before, after).commands.map((c) => ('service' in c && c.service ? serviceId(c.service) : '')),
  );
  const pick = (table: SavableService[]) => table.filter((s) => touched.has(serviceId(s.key)));
  return { before: pick(before), after: pick(after) };
}

describe('table-patch', () => {
  it('undoes any change exactly, and finds nothing in the way when nobody changed the table since', () => {
    fc.assert(
      fc.property(savableTable, savableTable, (before, after) => {
        const change = recorded(before, after);
        expect(same(applyPatch(before, change.before, change.after), after)).toBe(true);
        expect(patchConflicts(after, change.after, change.before)).toEqual([]);
        expect(same(applyPatch(after, change.after, change.before), before)).toBe(true);
      }),
    );
  });

  it('leaves alone what the change did not touch, even in the same service', () => {
    const service = (weights: Record<string, number>): SavableService => ({
      key: { protocol: 'tcp', address: '10.0.0.1', port: 80 },
      scheduler: 'wrr',
      schedulerFlags: [],
      persistence: 0,
      netmask: '255.255.255.255',
      persistenceEngine: null,
      onePacket: false,
      destinations: Object.entries(weights).map(([address, weight]) => ({
        address,
        port: 80,
        forwarding: 'masq',
        weight,
        upperThreshold: 0,
        lowerThreshold: 0,
        tunnelType: 'ipip',
        tunnelPort: 0,
        tunnelChecksum: 'nocsum',
      })),
    });
    // The change set 10.0.1.1 from 7 to 2; since then someone set 10.0.1.2 from 3 to 9.
    const change = {
      before: [service({ '10.0.1.1': 7, '10.0.1.2': 3 })],
      after: [service({ '10.0.1.1': 2, '10.0.1.2': 3 })],
    };
    const now = [service({ '10.0.1.1': 2, '10.0.1.2': 9 })];
    expect(patchConflicts(now, change.after, change.before)).toEqual([]);
    const undone = applyPatch(now, change.after, change.before);
    expect(undone[0]?.destinations.map((d) => `${d.address}=${d.weight}`).sort()).toEqual([
      '10.0.1.1=7',
      '10.0.1.2=9',
    ]);
    // Had someone touched 10.0.1.1 itself, the undo would name it instead.
    const clash = [service({ '10.0.1.1': 5, '10.0.1.2': 3 })];
    expect(patchConflicts(clash, change.after, change.before)).toEqual([
      'tcp:10.0.0.1:80 10.0.1.1:80: now weight 5, masq, the change left weight 2, masq',
    ]);
  });
});

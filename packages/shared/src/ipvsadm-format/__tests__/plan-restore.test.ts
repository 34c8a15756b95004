import { describe, expect, it } from 'vitest';
import { parseRestoreText } from '../parse-restore.js';
import { planRestore } from '../plan-restore.js';
import { applyRestoreLines } from '../save-table.js';
import { capturedSaveNumeric } from './fixtures.js';

const tableOf = (text: string) => applyRestoreLines([], parseRestoreText(text));

describe('plan-restore', () => {
  it('plans nothing when the text describes the live table', () => {
    const table = tableOf(capturedSaveNumeric);
    expect(planRestore(table, table)).toEqual({
      commands: [],
      plan: { added: [], changed: [], removed: [], details: [] },
    });
  });

  it('lists added, changed and removed services and real servers as ipvsadm lines', () => {
    const current = tableOf(capturedSaveNumeric);
    const desired = tableOf(
      capturedSaveNumeric
        .replace('-A -t 10.10.10.10:80 -s wrr', '-A -t 10.10.10.10:80 -s rr')
        .replace('-a -t 10.10.10.10:80 -r 10.30.0.2:80 -m -w 1\n', '')
        .replace(
          '-a -u 10.10.10.10:53 -r 10.20.0.2:5353 -m -w 2',
          '-a -u 10.10.10.10:53 -r 10.20.0.2:5353 -m -w 2 -x 50',
        )
        .replace(/-A -f 8 -6 -s wlc\n/, '-A -f 9 -s rr\n-a -f 9 -r 10.20.0.3:0 -g -w 1\n'),
    );
    const { plan, commands } = planRestore(current, desired);
    expect(plan).toMatchObject({
      removed: ['-D -f 8 -6', '-d -t 10.10.10.10:80 -r 10.30.0.2:80'],
      changed: ['-E -t 10.10.10.10:80 -s rr', '-e -u 10.10.10.10:53 -r 10.20.0.2:5353 -m -w 2 -x 50'],
      added: ['-A -f 9 -s rr', '-a -f 9 -r 10.20.0.3:0 -g -w 1'],
    });
    // Every touched row with old -> new of the fields that differ.
    expect(plan.details).toContainEqual({
      action: 'edit',
      service: 'tcp:10.10.10.10:80',
      fields: [{ field: 'scheduler', from: 'wrr', to: 'rr' }],
    });
    expect(plan.details).toContainEqual({
      action: 'edit',
      service: 'udp:10.10.10.10:53',
      destination: '10.20.0.2:5353',
      fields: [{ field: 'upperThreshold', from: '0', to: '50' }],
    });
    expect(plan.details).toContainEqual(
      expect.objectContaining({
        action: 'remove',
        service: 'tcp:10.10.10.10:80',
        destination: '10.30.0.2:80',
      }),
    );
    // Traffic first: nothing is taken away before everything new is in place and every edit is done.
    const kinds = commands.map((command) => command.kind);
    const firstRemoval = kinds.findIndex((kind) => kind.startsWith('delete-'));
    expect(kinds.slice(firstRemoval).every((kind) => kind.startsWith('delete-'))).toBe(true);
    expect(kinds.slice(0, 2)).toEqual(['add-service', 'add-destination']);
    // Applying the commands in order turns the live table into the desired one.
    const applied = applyRestoreLines(
      current,
      commands.map((command, index) => ({ line: index + 1, command })),
    );
    expect(planRestore(applied, desired).commands).toEqual([]);
  });
});

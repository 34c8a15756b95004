import { describe, expect, it } from 'vitest';
import { changeRecord, savableDestination, savableService } from '../../../../testing/change-fixtures';
import { changeDiff, settingDiff } from '../change-diff';

describe('change-diff', () => {
  it('shows only what differs: a quiesce is one real server, weight 5 -> 0', () => {
    expect(changeDiff(changeRecord())).toEqual([
      {
        action: 'edit',
        service: 'tcp:10.0.0.1:80',
        destination: '10.1.0.1:80',
        fields: [{ field: 'weight', from: '5', to: '0' }],
      },
    ]);
  });

  it('lists the real servers of a service that came or went with it', () => {
    const service = savableService('10.0.0.9', [savableDestination('10.1.0.7', { weight: 2 })]);
    const added = changeDiff({ before: [], after: [service] });
    expect(added.map((detail) => [detail.action, detail.destination ?? detail.service])).toEqual([
      ['add', 'tcp:10.0.0.9:80'],
      ['add', '10.1.0.7:80'],
    ]);
    expect(added[1]?.fields).toContainEqual({ field: 'weight', from: null, to: '2' });
    const removed = changeDiff({ before: [service], after: [] });
    expect(removed.map((detail) => detail.action)).toEqual(['remove', 'remove']);
    expect(removed[1]?.fields).toContainEqual({ field: 'weight', from: '2', to: null });
  });

  it('gives timeouts old -> new for the ones that moved, and a kernel setting by its sysctl name', () => {
    const timeouts = settingDiff({
      setting: {
        kind: 'timeouts',
        before: { tcp: 900, tcpFin: 120, udp: 300 },
        after: { tcp: 600, tcpFin: 120, udp: 300 },
      },
    });
    expect(timeouts?.fields).toEqual([{ field: 'tcp', from: '900', to: '600' }]);
    const sysctl = settingDiff({
      setting: { kind: 'kernel-setting', name: 'drop_entry', before: 0, after: 1 },
    });
    expect(sysctl?.fields).toEqual([{ field: 'net.ipv4.vs.drop_entry', from: '0', to: '1' }]);
    expect(settingDiff({})).toBeNull();
  });

  it('shows a sync daemon started with its settings, and one stopped as removed', () => {
    const daemon = {
      state: 'master' as const,
      interface: 'eth0',
      syncId: 3,
      maxLen: 1472,
      group: '224.0.0.81',
      port: 8848,
      ttl: 1,
    };
    const started = settingDiff({ setting: { kind: 'daemon', before: null, after: daemon } });
    expect(started?.action).toBe('add');
    expect(started?.service).toBe('sync daemon master');
    expect(started?.fields).toContainEqual({ field: 'interface', from: null, to: 'eth0' });
    expect(settingDiff({ setting: { kind: 'daemon', before: daemon, after: null } })?.action).toBe('remove');
  });
});

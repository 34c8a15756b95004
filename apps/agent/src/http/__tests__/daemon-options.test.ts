import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord, ErrorBody, SyncDaemon } from '@ipvs-dashboard/shared';
import { startTestAgent, type TestAgent } from './test-agent.js';

let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent();
});
afterAll(() => t.agent.close());

const backup = {
  state: 'backup',
  interface: 'lo',
  syncId: 9,
  maxLen: 1400,
  group: '239.1.2.3',
  port: 8849,
  ttl: 3,
};
const changeOf = async (response: Response) =>
  (await (await t.api(`/changes/${response.headers.get('x-change-id')}`)).json()) as ChangeRecord;

describe('sync daemon options', () => {
  it('starts a daemon with maxlen, group, port and ttl, lists them and records the full ipvsadm command', async () => {
    const started = await t.api('/daemons', { method: 'POST', json: backup });
    expect(started.status).toBe(201);
    expect((await started.json()) as SyncDaemon[]).toEqual([backup]);
    expect((await changeOf(started)).commands).toEqual([
      'ipvsadm --start-daemon backup --mcast-interface lo --syncid 9 --sync-maxlen 1400 --mcast-group 239.1.2.3 --mcast-port 8849 --mcast-ttl 3',
    ]);
    const stopped = await t.api('/daemons/backup', { method: 'DELETE' });
    expect((await changeOf(stopped)).inverse).toEqual([
      'ipvsadm --start-daemon backup --mcast-interface lo --syncid 9 --sync-maxlen 1400 --mcast-group 239.1.2.3 --mcast-port 8849 --mcast-ttl 3',
    ]);
  });

  it('refuses a group that is not multicast, and out-of-range numbers, starting nothing', async () => {
    for (const [field, value, words] of [
      ['group', '10.0.0.1', /not a multicast address/],
      ['group', 'ff02::', null],
      ['maxLen', 70000, /1-65507/],
      ['port', 0, /1-65535/],
      ['ttl', 256, /1-255/],
    ] as const) {
      const response = await t.api('/daemons', { method: 'POST', json: { ...backup, [field]: value } });
      if (words === null) {
        expect(response.status).toBe(201);
        expect(((await response.json()) as SyncDaemon[])[0]?.group).toBe('ff02::');
        await t.api('/daemons/backup', { method: 'DELETE' });
        continue;
      }
      const { error } = (await response.json()) as ErrorBody;
      expect([response.status, error.field]).toEqual([400, field]);
      expect(error.message).toMatch(words);
    }
    expect(await (await t.api('/daemons')).json()).toEqual([]);
  });
});

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changeRecordSchema,
  changesPageSchema,
  infoResponseSchema,
  type ChangeRecord,
  type ErrorBody,
} from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { webServiceId, type TestAgent } from './test-agent.js';
import { agentsForEachTest, masqServer, webKey } from './web-table.js';

const key = webKey;
const did = (address: string) => encodeURIComponent(`${address}:80`);

const { startWithTable: agentWithTable, stop } = agentsForEachTest();

async function changes(t: TestAgent, query = ''): Promise<ChangeRecord[]> {
  return changesPageSchema.parse(await (await t.api(`/changes${query}`)).json()).items;
}

const weights = async (backend: SimulatedBackend) =>
  (await backend.listDestinations(key)).map((d) => `${d.address}=${d.weight}`).sort();

const waitFor = async <T>(what: () => Promise<T | undefined>): Promise<T> => {
  for (let i = 0; i < 100; i++) {
    const value = await what();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
};

describe('change-routes', () => {
  it('records an API change with its commands and inverse, and undoes it exactly', async () => {
    const { t, backend } = await agentWithTable();
    const edited = await t.api(`/services/${webServiceId}/destinations/${did('10.0.1.1')}`, {
      method: 'PATCH',
      json: { weight: 2 },
    });
    expect(edited.status).toBe(200);
    const id = edited.headers.get('x-change-id');
    expect(id).toBeTruthy();
    const record = changeRecordSchema.parse(await (await t.api(`/changes/${id}`)).json());
    expect(record).toMatchObject({
      source: 'api',
      actor: { type: 'api', name: 'admin' },
      action: 'edit-destination',
      status: 'applied',
      services: ['tcp:10.0.0.1:80'],
      commands: ['ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 2'],
      inverse: ['ipvsadm -e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 7'],
    });
    expect(record.summary).toContain('weight 7 -> 2');
    expect((await changes(t))[0]?.id).toBe(id);

    const undone = await t.api(`/changes/${id}/revert`, { method: 'POST' });
    expect(undone.status).toBe(201);
    expect(changeRecordSchema.parse(await undone.json())).toMatchObject({ action: 'revert', revertOf: id });
    expect(await weights(backend)).toEqual(['10.0.1.1=7', '10.0.1.2=3']);
  });

  it('refuses an undo over rows changed since, naming them, unless forced', async () => {
    const { t, backend } = await agentWithTable();
    const deleted = await t.api(`/services/${webServiceId}/destinations/${did('10.0.1.2')}`, {
      method: 'DELETE',
    });
    const id = deleted.headers.get('x-change-id');
    const edited = await t.api(`/services/${webServiceId}/destinations/${did('10.0.1.1')}`, {
      method: 'PATCH',
      json: { weight: 4 },
    });
    const editId = edited.headers.get('x-change-id');
    // Undoing the delete touches only 10.0.1.2, which nobody changed since: fine.
    expect((await t.api(`/changes/${id}/revert`, { method: 'POST' })).status).toBe(201);
    expect(await weights(backend)).toEqual(['10.0.1.1=4', '10.0.1.2=3']);
    // Someone else (ipvsadm) sets 10.0.1.1 to 9: undoing our 7 -> 4 would overwrite it.
    await backend.editDestination(key, masqServer('10.0.1.1', 9));
    const refused = await t.api(`/changes/${editId}/revert`, { method: 'POST' });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect((body.error.details as { conflicts: string[] }).conflicts).toEqual([
      'tcp:10.0.0.1:80 10.0.1.1:80: now weight 9, masq, the change left weight 4, masq',
    ]);
    expect(await weights(backend)).toEqual(['10.0.1.1=9', '10.0.1.2=3']);
    const forced = await t.api(`/changes/${editId}/revert`, { method: 'POST', json: { force: true } });
    expect(forced.status).toBe(201);
    expect(await weights(backend)).toEqual(['10.0.1.1=7', '10.0.1.2=3']);
  });

  it('records changes made behind its back as external, with the commands that undo them', async () => {
    const { t, backend } = await agentWithTable();
    await t.agent.monitor.refresh();
    await backend.deleteDestination(key, { address: '10.0.1.2', port: 80 }); // ipvsadm -d
    await t.agent.monitor.refresh();
    const [external] = await waitFor(async () => {
      const found = await changes(t, '?source=external');
      return found.length > 0 ? found : undefined;
    });
    expect(external).toMatchObject({
      source: 'external',
      actor: { type: 'external' },
      commands: ['ipvsadm -d -t 10.0.0.1:80 -r 10.0.1.2:80'],
      inverse: ['ipvsadm -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 3'],
    });
    expect((await t.api(`/changes/${external?.id}/revert`, { method: 'POST' })).status).toBe(201);
    expect(await weights(backend)).toEqual(['10.0.1.1=7', '10.0.1.2=3']);
  });

  it('keeps the change log across restarts and pages through it newest first', async () => {
    const { t, backend } = await agentWithTable();
    for (const weight of [1, 2, 3]) {
      await t.api(`/services/${webServiceId}/destinations/${did('10.0.1.1')}`, {
        method: 'PATCH',
        json: { weight },
      });
    }
    await stop(t);
    const { t: again } = await agentWithTable({ stateDir: t.stateDir, backend });
    const first = changesPageSchema.parse(await (await again.api('/changes?limit=2')).json());
    expect(first.items.map((c) => c.summary)).toEqual([
      expect.stringContaining('weight 2 -> 3'),
      expect.stringContaining('weight 1 -> 2'),
    ]);
    const second = changesPageSchema.parse(
      await (await again.api(`/changes?limit=2&before=${first.next}`)).json(),
    );
    expect(second.items.map((c) => c.summary)).toEqual([expect.stringContaining('weight 7 -> 1')]);
    expect(second.next).toBeNull();
  });

  it('forgets a quiesced weight once the server gets a weight elsewhere, and asks rather than guess', async () => {
    const { t, backend } = await agentWithTable();
    const path = `/services/${webServiceId}/destinations/${did('10.0.1.1')}`;
    expect((await t.api(`${path}/quiesce`, { method: 'POST' })).status).toBe(200);
    expect(await (await t.api('/quiesced')).json()).toMatchObject([
      { service: 'tcp:10.0.0.1:80', destination: '10.0.1.1:80', weight: 7, holds: [{ kind: 'operator' }] },
    ]);
    await backend.editDestination(key, masqServer('10.0.1.1', 2)); // ipvsadm -e ... -w 2
    await t.agent.monitor.refresh();
    await backend.editDestination(key, masqServer('10.0.1.1', 0)); // later -w 0
    await t.agent.monitor.refresh();
    expect(await (await t.api('/quiesced')).json()).toEqual([]);
    const unknown = await t.api(`${path}/unquiesce`, { method: 'POST' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.message).toMatch(/no weight to restore/);
    expect((await t.api(`${path}/unquiesce`, { method: 'POST', json: { weight: 5 } })).status).toBe(200);
    expect(await weights(backend)).toEqual(['10.0.1.1=5', '10.0.1.2=3']);
  });

  it('finds a change a killed agent left half-done, and rolls it back or finishes it', async () => {
    for (const way of ['rollback', 'resume'] as const) {
      const { t: first, backend } = await agentWithTable();
      await stop(first);
      const service = {
        key,
        scheduler: 'wrr',
        schedulerFlags: [],
        persistence: 0,
        netmask: '255.255.255.255',
        persistenceEngine: null,
        onePacket: false,
      };
      const before = [{ ...service, destinations: [masqServer('10.0.1.1', 7), masqServer('10.0.1.2', 3)] }];
      const target = [
        {
          ...service,
          destinations: [masqServer('10.0.1.1', 8), masqServer('10.0.1.2', 4), masqServer('10.0.1.3', 1)],
        },
      ];
      const header = {
        id: 'crash1',
        action: 'restore',
        summary: 'Replaced the table',
        actor: { type: 'api', name: 'admin' },
        startedAt: 1,
        total: 3,
        services: ['tcp:10.0.0.1:80'],
        before,
        target,
      };
      // The agent died after the first step: 10.0.1.1 is at 8, the rest not yet done.
      await backend.editDestination(key, masqServer('10.0.1.1', 8));
      await writeFile(
        join(first.stateDir, 'journal-crash1.jsonl'),
        `${JSON.stringify(header)}\n{"applied":1}\n{"appl`,
      );
      const { t } = await agentWithTable({ stateDir: first.stateDir, backend });
      const info = infoResponseSchema.parse(await (await t.api('/info')).json());
      expect(info.interruptedChange).toMatchObject({ id: 'crash1', applied: 1, total: 3, action: 'restore' });
      const finished = await t.api(`/changes/crash1/${way}`, { method: 'POST' });
      expect(finished.status).toBe(201);
      expect(await weights(backend)).toEqual(
        way === 'rollback' ? ['10.0.1.1=7', '10.0.1.2=3'] : ['10.0.1.1=8', '10.0.1.2=4', '10.0.1.3=1'],
      );
      expect(infoResponseSchema.parse(await (await t.api('/info')).json()).interruptedChange).toBeNull();
      await stop(t);
    }
  });
});

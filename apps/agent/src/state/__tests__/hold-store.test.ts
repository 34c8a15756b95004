import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HoldStore } from '../hold-store.js';

const operator = { kind: 'operator' as const, since: 1_000, reason: 'quiesced by admin' };
const health = { kind: 'health' as const, since: 2_000, reason: 'connect refused' };

describe('hold-store', () => {
  it('remembers weights and holds across a reopen (an agent restart)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'holds-'));
    const key = HoldStore.key('tcp:10.0.0.1:80', '10.0.1.2:80');
    const first = await HoldStore.open(dir);
    await first.place(key, 7, operator);
    await first.place(key, 0, health); // already held: its weight stays the one from before
    const second = await HoldStore.open(dir);
    expect(second.get(key)).toEqual({ weight: 7, holds: [operator, health] });
    await second.release(key, 'operator');
    expect((await HoldStore.open(dir)).get(key)).toEqual({ weight: 7, holds: [health] });
    await second.forget(key);
    expect((await HoldStore.open(dir)).get(key)).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'quiesced.json'), 'utf8'))).toEqual({});
  });

  it('reads the file of an older agent (a bare weight per key) as operator holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'holds-'));
    await writeFile(join(dir, 'quiesced.json'), JSON.stringify({ 'tcp:10.0.0.1:80 10.0.1.2:80': 5 }));
    const store = await HoldStore.open(dir);
    expect(store.get('tcp:10.0.0.1:80 10.0.1.2:80')).toMatchObject({
      weight: 5,
      holds: [{ kind: 'operator', reason: 'quiesced' }],
    });
  });

  it('forgets the real servers of a deleted service, and everything on clear', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'holds-'));
    const store = await HoldStore.open(dir);
    await store.place(HoldStore.key('tcp:10.0.0.1:80', '10.0.1.1:80'), 3, operator);
    await store.place(HoldStore.key('tcp:10.0.0.1:8080', '10.0.1.1:80'), 4, health);
    await store.forgetService('tcp:10.0.0.1:80');
    const reopened = await HoldStore.open(dir);
    expect(reopened.get(HoldStore.key('tcp:10.0.0.1:80', '10.0.1.1:80'))).toBeUndefined();
    expect(reopened.get(HoldStore.key('tcp:10.0.0.1:8080', '10.0.1.1:80'))?.weight).toBe(4);
    await reopened.forgetService();
    expect((await HoldStore.open(dir)).keys()).toEqual([]);
  });

  it('keeps the last of many quick writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'holds-'));
    const store = await HoldStore.open(dir);
    await Promise.all([1, 2, 3, 4, 5].map((w) => store.place(`k${w}`, w, operator)));
    const reopened = await HoldStore.open(dir);
    expect([1, 2, 3, 4, 5].map((w) => reopened.get(`k${w}`)?.weight)).toEqual([1, 2, 3, 4, 5]);
  });
});

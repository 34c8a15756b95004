import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuiesceStore } from '../quiesce-store.js';

describe('quiesce-store', () => {
  it('remembers weights across a reopen (an agent restart)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quiesce-'));
    const key = QuiesceStore.key('tcp:10.0.0.1:80', '10.0.1.2:80');
    const first = await QuiesceStore.open(dir);
    await first.remember(key, 7);
    const second = await QuiesceStore.open(dir);
    expect(second.get(key)).toBe(7);
    await second.forget(key);
    expect((await QuiesceStore.open(dir)).get(key)).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'quiesced.json'), 'utf8'))).toEqual({});
  });

  it('forgets the real servers of a deleted service, and everything on clear', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quiesce-'));
    const store = await QuiesceStore.open(dir);
    await store.remember(QuiesceStore.key('tcp:10.0.0.1:80', '10.0.1.1:80'), 3);
    await store.remember(QuiesceStore.key('tcp:10.0.0.1:8080', '10.0.1.1:80'), 4);
    await store.forgetService('tcp:10.0.0.1:80');
    const reopened = await QuiesceStore.open(dir);
    expect(reopened.get(QuiesceStore.key('tcp:10.0.0.1:80', '10.0.1.1:80'))).toBeUndefined();
    expect(reopened.get(QuiesceStore.key('tcp:10.0.0.1:8080', '10.0.1.1:80'))).toBe(4);
    await reopened.forgetService();
    expect(
      (await QuiesceStore.open(dir)).get(QuiesceStore.key('tcp:10.0.0.1:8080', '10.0.1.1:80')),
    ).toBeUndefined();
  });

  it('keeps the last of many quick writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quiesce-'));
    const store = await QuiesceStore.open(dir);
    await Promise.all([1, 2, 3, 4, 5].map((w) => store.remember(`k${w}`, w)));
    const reopened = await QuiesceStore.open(dir);
    expect([1, 2, 3, 4, 5].map((w) => reopened.get(`k${w}`))).toEqual([1, 2, 3, 4, 5]);
  });
});

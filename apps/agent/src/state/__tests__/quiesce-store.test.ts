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

  it('keeps the last of many quick writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quiesce-'));
    const store = await QuiesceStore.open(dir);
    await Promise.all([1, 2, 3, 4, 5].map((w) => store.remember(`k${w}`, w)));
    const reopened = await QuiesceStore.open(dir);
    expect([1, 2, 3, 4, 5].map((w) => reopened.get(`k${w}`))).toEqual([1, 2, 3, 4, 5]);
  });
});

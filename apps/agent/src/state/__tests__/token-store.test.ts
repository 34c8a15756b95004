import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateToken } from '../token-store.js';

describe('token-store', () => {
  it('makes a token once, readable only by the agent, and gives the same one after a restart', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'token-store-')), 'state');
    let made = 0;
    const generate = (): string => `generated-token-number-${++made}`;
    const first = await loadOrCreateToken(dir, generate);
    const second = await loadOrCreateToken(dir, generate);
    expect(first).toBe('generated-token-number-1');
    expect(second).toBe(first);
    expect((await stat(join(dir, 'token'))).mode & 0o777).toBe(0o600);
  });

  it('replaces a file too short to be a token', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'token-store-'));
    await writeFile(join(dir, 'token'), 'short\n');
    const token = await loadOrCreateToken(dir, () => 'a-fresh-token-long-enough');
    expect(token).toBe('a-fresh-token-long-enough');
    expect((await readFile(join(dir, 'token'), 'utf8')).trim()).toBe(token);
  });
});

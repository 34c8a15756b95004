import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeJournal, type JournalHeader } from '../change-journal.js';

const header = (id: string): JournalHeader => ({
  id,
  action: 'restore',
  summary: `change ${id}`,
  actor: { type: 'api', name: 'admin' },
  startedAt: 1,
  total: 3,
  services: ['tcp:10.0.0.1:80'],
  before: [],
  target: [],
});

describe('change journal', () => {
  it('finds a change the agent died in, in the same boot, with its recorded progress', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const before = await ChangeJournal.open(dir, { bootId: 'boot-a' });
    await before.begin(header('c1'));
    await before.progress('c1', 2);
    const after = await ChangeJournal.open(dir, { bootId: 'boot-a' });
    expect(after.unfinished()).toMatchObject([{ header: { id: 'c1', bootId: 'boot-a' }, applied: 2 }]);
    expect(after.fromEarlierBoot).toEqual([]);
  });

  it('sets aside a change cut short by a restart of the machine: its table is gone, nothing to roll back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    await (await ChangeJournal.open(dir, { bootId: 'boot-a' })).begin(header('c1'));
    const after = await ChangeJournal.open(dir, { bootId: 'boot-b' });
    expect(after.unfinished()).toEqual([]);
    expect(after.interruptedChange()).toBeNull();
    expect(after.fromEarlierBoot).toMatchObject([{ header: { id: 'c1' }, applied: 0 }]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps a journal that does not say its boot (an older agent), and drops one torn before its header ended', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    await writeFile(join(dir, 'journal-old.jsonl'), `${JSON.stringify(header('old'))}\n{"applied":1}\n`);
    await writeFile(join(dir, 'journal-torn.jsonl'), '{"id":"torn","act');
    const journal = await ChangeJournal.open(dir, { bootId: 'boot-b' });
    expect(journal.unfinished().map((found) => found.header.id)).toEqual(['old']);
    expect(await readdir(dir)).toEqual(['journal-old.jsonl']);
  });

  it('forgets a finished change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    const journal = await ChangeJournal.open(dir, { bootId: 'boot-a' });
    await journal.begin(header('c1'));
    await journal.end('c1');
    expect(await readdir(dir)).toEqual([]);
    expect((await ChangeJournal.open(dir, { bootId: 'boot-a' })).unfinished()).toEqual([]);
  });
});

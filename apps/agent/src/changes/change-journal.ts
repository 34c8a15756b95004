// The write-ahead journal of table changes: before its first kernel step a change is written to
// <state-dir>/journal-<id>.jsonl and fsynced, with the rows it starts from and the rows it aims at; each
// batch of steps that the kernel acknowledged appends a progress line. A finished change removes its
// file. A file found at start is a change the agent was applying when it died (kill -9, power loss).
//
// Format, one JSON object a line: first the header, `{"id","action","summary","actor","startedAt","total",
// "services","before","target"}` (before/target: SavableService[] of the touched services), then any number
// of `{"applied":n}`. A torn last line (the crash came mid-write) is ignored.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeAction, ChangeActor, InterruptedChange, SavableService } from '@ipvs-dashboard/shared';
import { appendDurably, removeDurably } from './durable-file.js';
import { stringifyWithRows } from './rows-json.js';

export interface JournalHeader {
  id: string;
  action: ChangeAction;
  summary: string;
  actor: ChangeActor;
  startedAt: number;
  total: number;
  services: string[];
  before: SavableService[];
  target: SavableService[];
  /** The fleet change it is part of (X-Fleet-Change), kept on its change record. */
  fleetChange?: string;
}

/** A change found half-done at start: its header and how many steps were recorded as applied. */
export interface InterruptedJournal {
  header: JournalHeader;
  applied: number;
}

const filePattern = /^journal-(.+)\.jsonl$/;

function parseJournal(text: string): InterruptedJournal | null {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  let header: JournalHeader | null = null;
  let applied = 0;
  for (const line of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      break; // the torn tail of a write the crash interrupted
    }
    if (header === null) header = value as JournalHeader;
    else if (typeof (value as { applied?: unknown }).applied === 'number') {
      applied = (value as { applied: number }).applied;
    }
  }
  return header && typeof header.id === 'string' ? { header, applied } : null;
}

export class ChangeJournal {
  private readonly interrupted = new Map<string, InterruptedJournal>();

  private constructor(private readonly dir: string) {}

  /** Opens the journal in `dir` and collects every change a previous agent left unfinished. */
  static async open(dir: string): Promise<ChangeJournal> {
    const journal = new ChangeJournal(dir);
    for (const name of (await readdir(dir)).sort()) {
      if (!filePattern.test(name)) continue;
      const found = parseJournal(await readFile(join(dir, name), 'utf8'));
      if (found) journal.interrupted.set(found.header.id, found);
      else await removeDurably(join(dir, name)); // crashed before its header was whole: nothing ran
    }
    return journal;
  }

  private fileOf(id: string): string {
    return join(this.dir, `journal-${id}.jsonl`);
  }

  /** Oldest first. */
  unfinished(): InterruptedJournal[] {
    return [...this.interrupted.values()].sort((a, b) => a.header.startedAt - b.header.startedAt);
  }

  find(id: string): InterruptedJournal | undefined {
    return this.interrupted.get(id);
  }

  /** What GET /info reports: the oldest unfinished change, or null. */
  interruptedChange(): InterruptedChange | null {
    const first = this.unfinished()[0];
    if (!first) return null;
    const { id, action, summary, startedAt, total, services } = first.header;
    return { id, action, summary, startedAt, applied: first.applied, total, services };
  }

  /** Durable before it returns: only then may the first step go to the kernel. */
  begin(header: JournalHeader): Promise<void> {
    return appendDurably(
      this.fileOf(header.id),
      stringifyWithRows(header, ['before', 'target']) + '\n',
      true,
    );
  }

  progress(id: string, applied: number): Promise<void> {
    return appendDurably(this.fileOf(id), JSON.stringify({ applied }) + '\n');
  }

  /** A change that could not be finished nor rolled back: reported as interrupted, as after a crash. */
  keep(header: JournalHeader, applied: number): void {
    this.interrupted.set(header.id, { header, applied });
  }

  /** The change finished (applied or rolled back): its journal goes. */
  end(id: string): Promise<void> {
    return removeDurably(this.fileOf(id));
  }

  /** An interrupted change was rolled back or resumed by a new change: forget it. */
  async settle(id: string): Promise<void> {
    this.interrupted.delete(id);
    await this.end(id);
  }
}

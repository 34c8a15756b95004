// The write-ahead journal of table changes: before its first kernel step a change is written to
// <state-dir>/journal-<id>.jsonl, with the rows it starts from and the rows it aims at; each batch of steps
// that the kernel acknowledged appends a progress line. A finished change removes its file. A file found
// at start is a change the agent was applying when it died (kill -9, a crash, systemd's stop timeout).
//
// Written, not fsynced: the journal must outlive the agent, and the page cache keeps a write through the
// death of its process. It need not outlive the machine, because the IPVS table it describes does not: after
// a reboot the table is empty or rebuilt by others, so a half-done change has nothing left to roll back. A
// journal from an earlier boot (its header's bootId, /proc/sys/kernel/random/boot_id) is therefore set
// aside with a log line, not offered for rollback. Not waiting for the disk keeps two fsyncs (the file and
// its directory, 80-250 ms in the test guest) off every change's path to the kernel: a health check's
// verdict reaches the table that much sooner.
//
// Format, one JSON object a line: first the header, `{"id","action","summary","actor","startedAt","total",
// "services","before","target","bootId"}` (before/target: SavableService[] of the touched services), then
// any number of `{"applied":n}`. A torn last line (the crash came mid-write) is ignored.
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeAction, ChangeActor, InterruptedChange, SavableService } from '@ipvs-dashboard/shared';
import { appendForProcessCrash } from './durable-file.js';
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
  /** The boot it was written in (null where the kernel does not say); set by the journal. */
  bootId?: string | null;
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

async function currentBootId(): Promise<string | null> {
  try {
    return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

async function removeIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export interface ChangeJournalOptions {
  /** Default: /proc/sys/kernel/random/boot_id (tests give their own). */
  bootId?: string | null;
}

export class ChangeJournal {
  private readonly interrupted = new Map<string, InterruptedJournal>();
  /** Changes cut short by a restart of the machine, found at start (their files are removed). */
  readonly fromEarlierBoot: InterruptedJournal[] = [];

  private constructor(
    private readonly dir: string,
    private readonly bootId: string | null,
  ) {}

  /** Opens the journal in `dir` and collects every change a previous agent left unfinished. */
  static async open(dir: string, options: ChangeJournalOptions = {}): Promise<ChangeJournal> {
    const bootId = options.bootId === undefined ? await currentBootId() : options.bootId;
    const journal = new ChangeJournal(dir, bootId);
    for (const name of (await readdir(dir)).sort()) {
      if (!filePattern.test(name)) continue;
      const found = parseJournal(await readFile(join(dir, name), 'utf8'));
      const written = found?.header.bootId ?? null;
      if (found && (written === null || bootId === null || written === bootId))
        journal.interrupted.set(found.header.id, found);
      else {
        if (found) journal.fromEarlierBoot.push(found);
        // Crashed before its header was whole (nothing ran), or the machine restarted since (the table
        // it changed is gone).
        await removeIfThere(join(dir, name));
      }
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

  /** Written before it returns (for the agent's death, not the machine's): then the first step may go. */
  begin(header: JournalHeader): Promise<void> {
    return appendForProcessCrash(
      this.fileOf(header.id),
      stringifyWithRows({ ...header, bootId: this.bootId }, ['before', 'target']) + '\n',
    );
  }

  progress(id: string, applied: number): Promise<void> {
    return appendForProcessCrash(this.fileOf(id), JSON.stringify({ applied }) + '\n');
  }

  /** A change that could not be finished nor rolled back: reported as interrupted, as after a crash. */
  keep(header: JournalHeader, applied: number): void {
    this.interrupted.set(header.id, { header, applied });
  }

  /** The change finished (applied or rolled back): its journal goes. */
  end(id: string): Promise<void> {
    return removeIfThere(this.fileOf(id));
  }

  /** An interrupted change was rolled back or resumed by a new change: forget it. */
  async settle(id: string): Promise<void> {
    this.interrupted.delete(id);
    await this.end(id);
  }
}

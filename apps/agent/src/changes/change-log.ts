// The change log: every change, made through the API or only observed, appended to
// <state-dir>/changes.jsonl (one ChangeRecord a line, fsynced) and kept in memory for GET /changes.
// Bounded: past `maxBytes` the file becomes changes.1.jsonl (the one before that is dropped), so the log
// holds between one and two files' worth of the most recent changes. Each record also goes to the agent's
// log as one JSON line without the rows, for journald/syslog.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeRecord, ChangesPage } from '@ipvs-dashboard/shared';
import { appendDurably, removeDurably, renameDurably } from './durable-file.js';
import { stringifyWithRows } from './rows-json.js';

export interface ChangeQuery {
  service?: string | undefined;
  source?: 'api' | 'external' | undefined;
  fleetChange?: string | undefined;
  since?: number | undefined;
  before?: string | undefined;
  limit: number;
}

export interface ChangeLogOptions {
  dir: string;
  /** Where each record is announced as one line (the agent's log). */
  announce: (line: string) => void;
  maxBytes?: number;
}

const defaultMaxBytes = 8 * 1024 * 1024;

async function readRecords(path: string): Promise<ChangeRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: ChangeRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as ChangeRecord);
    } catch {
      // a torn last line from a crash mid-append: the change itself is in the journal's hands
    }
  }
  return records;
}

/** The record as announced in the agent's log: everything but the rows, which can be megabytes. */
function announcement(record: ChangeRecord): string {
  const { before: _before, after: _after, ...rest } = record;
  const commands =
    rest.commands.length > 20
      ? [...rest.commands.slice(0, 20), `... ${rest.commands.length - 20} more`]
      : rest.commands;
  const inverse =
    rest.inverse && rest.inverse.length > 20
      ? [...rest.inverse.slice(0, 20), `... ${rest.inverse.length - 20} more`]
      : rest.inverse;
  return JSON.stringify({ change: { ...rest, commands, inverse } });
}

export class ChangeLog {
  private readonly file: string;
  private readonly previousFile: string;
  private readonly maxBytes: number;
  /** Oldest first: the previous file's records, then the current file's. */
  private records: ChangeRecord[] = [];
  private previousCount = 0;
  private bytes = 0;
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly options: ChangeLogOptions) {
    this.file = join(options.dir, 'changes.jsonl');
    this.previousFile = join(options.dir, 'changes.1.jsonl');
    this.maxBytes = options.maxBytes ?? defaultMaxBytes;
  }

  static async open(options: ChangeLogOptions): Promise<ChangeLog> {
    const log = new ChangeLog(options);
    const previous = await readRecords(log.previousFile);
    const current = await readRecords(log.file);
    log.records = [...previous, ...current].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    log.previousCount = previous.length;
    log.bytes = await stat(log.file).then(
      (info) => info.size,
      () => 0,
    );
    return log;
  }

  /** Durable when the promise settles; appends are chained, so records land in call order. */
  append(record: ChangeRecord): Promise<void> {
    this.keepInOrder(record);
    this.options.announce(announcement(record));
    const line = stringifyWithRows(record, ['before', 'after']) + '\n';
    this.writing = this.writing.catch(() => undefined).then(() => this.write(line));
    return this.writing;
  }

  /** Records stay in id (time) order, which paging relies on, also when one comes in a moment late. */
  private keepInOrder(record: ChangeRecord): void {
    let at = this.records.length;
    while (at > 0 && (this.records[at - 1] as ChangeRecord).id > record.id) at -= 1;
    this.records.splice(at, 0, record);
  }

  private async write(line: string): Promise<void> {
    const size = Buffer.byteLength(line);
    if (this.bytes > 0 && this.bytes + size > this.maxBytes) {
      await removeDurably(this.previousFile);
      await renameDurably(this.file, this.previousFile);
      this.records.splice(0, this.previousCount);
      this.previousCount = this.records.length - 1; // all but the record being written
      this.bytes = 0;
    }
    await appendDurably(this.file, line, this.bytes === 0);
    this.bytes += size;
  }

  get(id: string): ChangeRecord | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const record = this.records[i] as ChangeRecord;
      if (record.id === id) return record;
    }
    return undefined;
  }

  /** Newest first, filtered; `next` continues from where this page stopped. */
  list(query: ChangeQuery): ChangesPage {
    const items: ChangeRecord[] = [];
    let next: string | null = null;
    for (let i = this.records.length - 1; i >= 0; i--) {
      const record = this.records[i] as ChangeRecord;
      if (query.before !== undefined && record.id >= query.before) continue;
      if (query.since !== undefined && record.at < query.since) break;
      if (query.source !== undefined && record.source !== query.source) continue;
      if (query.service !== undefined && !record.services.includes(query.service)) continue;
      if (query.fleetChange !== undefined && record.fleetChange !== query.fleetChange) continue;
      if (items.length === query.limit) {
        next = (items[items.length - 1] as ChangeRecord).id;
        break;
      }
      items.push(record);
    }
    return { items, next };
  }
}

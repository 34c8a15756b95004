import { drainCountsSchema, type DrainCounts, type DrainThen } from '@ipvs-dashboard/shared';
import { z } from 'zod';
import { JsonFile } from './json-file.js';

/** What a running drain must remember across a restart; its pace is measured afresh after one. */
export interface DrainRecord {
  then: DrainThen;
  deadlineSeconds: number;
  startedAt: number;
  deadlineAt: number;
  /** The token that started it: its end is attributed to it. */
  by: string;
  atStart: DrainCounts;
}

const drainRecordSchema = z.object({
  then: z.enum(['remove', 'keep']),
  deadlineSeconds: z.number().positive(),
  startedAt: z.number().int().nonnegative(),
  deadlineAt: z.number().nonnegative(),
  by: z.string(),
  atStart: drainCountsSchema,
}) satisfies z.ZodType<DrainRecord>;

/**
 * The running drains, keyed by "<service id> <destination id>" (as the hold store), in
 * <state-dir>/drains.json, so a drain survives an agent restart as its hold does.
 */
export class DrainStore {
  private readonly file: JsonFile;
  private readonly drains = new Map<string, DrainRecord>();

  private constructor(dir: string) {
    this.file = new JsonFile(dir, 'drains.json');
  }

  static async open(dir: string): Promise<DrainStore> {
    const store = new DrainStore(dir);
    const parsed = await store.file.load();
    // A record this agent cannot read is left out rather than half-followed; its hold remains, so the server
    // stays out and an operator sees it held by "drain" with nothing running (DELETE .../drain releases it).
    for (const [key, value] of Object.entries((parsed as Record<string, unknown> | undefined) ?? {})) {
      const record = drainRecordSchema.safeParse(value);
      if (record.success) store.drains.set(key, record.data);
    }
    return store;
  }

  entries(): [string, DrainRecord][] {
    return [...this.drains];
  }

  get(key: string): DrainRecord | undefined {
    return this.drains.get(key);
  }

  async set(key: string, record: DrainRecord): Promise<void> {
    this.drains.set(key, record);
    await this.save();
  }

  async delete(key: string): Promise<void> {
    if (this.drains.delete(key)) await this.save();
  }

  private save(): Promise<void> {
    return this.file.save(Object.fromEntries(this.drains));
  }
}

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Remembers the weight a real server had before it was quiesced (weight 0), keyed by
 * "<service id> <destination id>", in <state-dir>/quiesced.json so unquiesce works after a restart.
 */
export class QuiesceStore {
  private readonly file: string;
  private weights = new Map<string, number>();
  /** Writes are chained so two quick requests cannot interleave their renames. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly dir: string) {
    this.file = join(dir, 'quiesced.json');
  }

  static async open(dir: string): Promise<QuiesceStore> {
    const store = new QuiesceStore(dir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    try {
      const parsed: unknown = JSON.parse(await readFile(store.file, 'utf8'));
      if (parsed && typeof parsed === 'object') {
        for (const [key, weight] of Object.entries(parsed)) {
          if (Number.isInteger(weight) && (weight as number) > 0) store.weights.set(key, weight as number);
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return store;
  }

  static key(serviceId: string, destinationId: string): string {
    return `${serviceId} ${destinationId}`;
  }

  /** Every remembered weight, for GET /quiesced. */
  list(): { service: string; destination: string; weight: number }[] {
    return [...this.weights].map(([key, weight]) => {
      const space = key.indexOf(' ');
      return { service: key.slice(0, space), destination: key.slice(space + 1), weight };
    });
  }

  get(key: string): number | undefined {
    return this.weights.get(key);
  }

  async remember(key: string, weight: number): Promise<void> {
    this.weights.set(key, weight);
    await this.save();
  }

  async forget(key: string): Promise<void> {
    if (this.weights.delete(key)) await this.save();
  }

  /** Forgets every real server of one service (it was deleted), or of all services without an id (cleared). */
  async forgetService(serviceId?: string): Promise<void> {
    const before = this.weights.size;
    for (const key of [...this.weights.keys()]) {
      if (serviceId === undefined || key.startsWith(`${serviceId} `)) this.weights.delete(key);
    }
    if (this.weights.size !== before) await this.save();
  }

  private save(): Promise<void> {
    const body = JSON.stringify(Object.fromEntries(this.weights), null, 2) + '\n';
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        // Write-then-rename: a crash mid-write leaves the old file, never a torn one.
        const temp = `${this.file}.${process.pid}.tmp`;
        await writeFile(temp, body, { mode: 0o600 });
        await rename(temp, this.file);
      });
    return this.writing;
  }
}

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One small JSON file in the state dir, read once at start and rewritten whole: writes are chained so two
 * quick changes cannot interleave their renames, and write-then-rename means a crash mid-write leaves the
 * old file, never a torn one.
 */
export class JsonFile {
  readonly path: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(dir: string, name: string) {
    this.path = join(dir, name);
  }

  /** The parsed content, or undefined when the file does not exist yet. */
  async load(): Promise<unknown> {
    await mkdir(join(this.path, '..'), { recursive: true, mode: 0o700 });
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as unknown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  save(value: unknown): Promise<void> {
    const body = JSON.stringify(value, null, 2) + '\n';
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        const temp = `${this.path}.${process.pid}.tmp`;
        await writeFile(temp, body, { mode: 0o600 });
        await rename(temp, this.path);
      });
    return this.writing;
  }
}

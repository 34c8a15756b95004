import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One small JSON file in the state dir, read once at start and rewritten whole: write-then-rename means a
 * crash mid-write leaves the old file, never a torn one. Not fsynced: the page cache keeps a save through
 * the agent's death, and a crash of the machine, which could lose the last save, also takes the kernel's
 * table that the hold and ramp files describe. Written synchronously, so the new
 * content is in the page cache when `save` returns: a held server's remembered weight must be there before
 * the kernel step that takes the server out, and two saves can never interleave their renames. (Handed to
 * libuv's thread pool, the write and the rename cost a change several milliseconds of round trips in the
 * user-mode Linux guest, all of it before its kernel step.)
 */
export class JsonFile {
  readonly path: string;

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
    try {
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
      renameSync(temp, this.path);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

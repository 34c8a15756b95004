// The few file operations a crash-proof record needs: append and flush to the disk, replace a file
// whole, and make a new or removed name itself durable (fsync of the directory).
import { appendFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(dirname(path), 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Appends `text` and waits until it is on the disk; a new file's name is made durable too. */
export async function appendDurably(path: string, text: string, created = false): Promise<void> {
  const handle = await open(path, 'a', 0o600);
  try {
    await handle.writeFile(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (created) await syncDirectory(path);
}

/** Writes `text` as the whole new content of `path`: a crash leaves the old file or the new, never a torn one. */
export async function replaceDurably(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncDirectory(path);
}

export async function removeDurably(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return;
  }
  await syncDirectory(path);
}

/**
 * Appends `text` without waiting for the disk: it outlives the process (the page cache keeps it through a
 * kill -9), not the machine. For records of kernel state, which does not outlive the machine either.
 * Written synchronously: these precede a change's first kernel step, and an asynchronous write is an open,
 * a write and a close each handed to libuv's thread pool and back, which in the user-mode Linux guest (a
 * system call costs tens of microseconds to a millisecond there) kept a failing server in rotation for
 * 3-27 ms more; a page-cache append of a few kilobytes blocks the loop far less than that.
 */
export function appendForProcessCrash(path: string, text: string): Promise<void> {
  try {
    appendFileSync(path, text, { mode: 0o600 });
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export async function renameDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncDirectory(to);
}

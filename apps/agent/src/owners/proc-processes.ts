// The processes of this host, from /proc (read only, tolerant of processes that exit while being read).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface HostProcess {
  pid: number;
  ppid: number;
  /** The kernel's short name (/proc/PID/comm). */
  comm: string;
  argv: string[];
}

async function readProcess(
  procRoot: string,
  pid: number,
  wanted: (comm: string) => boolean,
): Promise<HostProcess | null> {
  try {
    const dir = join(procRoot, String(pid));
    const comm = (await readFile(join(dir, 'comm'), 'utf8')).trim();
    if (!wanted(comm)) return null;
    const [stat, cmdline] = await Promise.all([
      readFile(join(dir, 'stat'), 'utf8'),
      readFile(join(dir, 'cmdline'), 'utf8'),
    ]);
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const argv = cmdline.split('\0').filter((arg) => arg !== '');
    return { pid, ppid: Number.isInteger(ppid) ? ppid : 0, comm, argv };
  } catch {
    return null; // gone meanwhile, or not ours to read
  }
}

/** The processes whose short name `wanted` accepts (only theirs are read further). */
export async function listProcesses(
  wanted: (comm: string) => boolean,
  procRoot = '/proc',
): Promise<HostProcess[]> {
  const pids = (await readdir(procRoot)).filter((name) => /^\d+$/.test(name)).map(Number);
  const found = await Promise.all(pids.map((pid) => readProcess(procRoot, pid, wanted)));
  return found.filter((p): p is HostProcess => p !== null);
}

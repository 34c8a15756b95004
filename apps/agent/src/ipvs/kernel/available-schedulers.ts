// Which schedulers this kernel can run. Netlink has no call that lists them (reference §8), so look where
// modprobe would: ip_vs_<name>.ko* in the module tree (Debian's UML kernel keeps it under
// /usr/lib/uml/modules), modules.builtin for built-in ones, and /sys/module for whatever is loaded.
import { readdir, readFile } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';

export interface SchedulerSources {
  /** Module trees holding <release>/kernel/net/netfilter/ipvs. */
  moduleRoots: string[];
  /** The running kernel's release (uname -r). */
  release: string;
  sysModuleDir: string;
}

export function defaultSchedulerSources(): SchedulerSources {
  return {
    moduleRoots: ['/lib/modules', '/usr/lib/uml/modules'],
    release: release(),
    sysModuleDir: '/sys/module',
  };
}

/** ip_vs_<name> modules that are not schedulers: the FTP helper and persistence engines (ip_vs_pe_*). */
function schedulerName(moduleName: string): string | null {
  const match = /^ip_vs_([a-z0-9_]+?)(\.ko(\.(xz|zst|gz))?)?$/.exec(moduleName);
  const name = match?.[1];
  if (name === undefined || name === 'ftp' || name.startsWith('pe_')) return null;
  return name;
}

async function listOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function builtinModules(path: string): Promise<string[]> {
  try {
    const text = await readFile(path, 'utf8');
    return text
      .split('\n')
      .filter((line) => line.includes('/ipvs/'))
      .map((line) => line.slice(line.lastIndexOf('/') + 1));
  } catch {
    return [];
  }
}

/** Scheduler names, sorted; empty when nothing could be found. */
export async function availableSchedulers(sources = defaultSchedulerSources()): Promise<string[]> {
  const found = new Set<string>();
  const add = (entries: string[]): void => {
    for (const entry of entries) {
      const name = schedulerName(entry);
      if (name !== null) found.add(name);
    }
  };
  for (const root of sources.moduleRoots) {
    add(await listOrEmpty(join(root, sources.release, 'kernel/net/netfilter/ipvs')));
    add(await builtinModules(join(root, sources.release, 'modules.builtin')));
  }
  add(await listOrEmpty(sources.sysModuleDir));
  return [...found].sort();
}

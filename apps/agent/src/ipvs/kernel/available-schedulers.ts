// Which schedulers and persistence engines this kernel can run. Netlink has no call that lists them
// (reference §8), so look where modprobe would: ip_vs_<name>.ko* in the module tree (Debian's UML kernel
// keeps it under /usr/lib/uml/modules), modules.builtin for built-in ones, and /sys/module for whatever
// is loaded. Persistence engines are the ip_vs_pe_<name> modules.
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

export interface IpvsModules {
  /** Sorted; empty when nothing could be found. */
  schedulers: string[];
  /** Sorted ("sip"); empty when none was found. */
  persistenceEngines: string[];
}

/** The part of an ip_vs_<name> module name that names it, or null for anything else. */
function ipvsModuleName(moduleName: string): string | null {
  const match = /^ip_vs_([a-z0-9_]+?)(\.ko(\.(xz|zst|gz))?)?$/.exec(moduleName);
  return match?.[1] ?? null;
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

/** The IPVS modules this kernel has, loaded or loadable; the FTP helper is neither kind. */
export async function availableIpvsModules(sources = defaultSchedulerSources()): Promise<IpvsModules> {
  const schedulers = new Set<string>();
  const engines = new Set<string>();
  const add = (entries: string[]): void => {
    for (const entry of entries) {
      const name = ipvsModuleName(entry);
      if (name === null || name === 'ftp') continue;
      if (name.startsWith('pe_')) engines.add(name.slice('pe_'.length));
      else schedulers.add(name);
    }
  };
  for (const root of sources.moduleRoots) {
    add(await listOrEmpty(join(root, sources.release, 'kernel/net/netfilter/ipvs')));
    add(await builtinModules(join(root, sources.release, 'modules.builtin')));
  }
  add(await listOrEmpty(sources.sysModuleDir));
  return { schedulers: [...schedulers].sort(), persistenceEngines: [...engines].sort() };
}

/** Scheduler names, sorted; empty when nothing could be found. */
export async function availableSchedulers(sources = defaultSchedulerSources()): Promise<string[]> {
  return (await availableIpvsModules(sources)).schedulers;
}

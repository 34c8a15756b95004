// Who else manages this kernel's IPVS table: keepalived, ldirectord and kube-proxy, found by their
// processes, with what their configuration manages. Read only: no signal is sent and no file written
// (keepalived's SIGUSR1/SIGJSON dumps would write files, so its VRRP state is judged from outside: a
// MASTER holds its instance's virtual addresses on this host).
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { TableOwner, VrrpInstanceState } from '@ipvs-dashboard/shared';
import { readConfigBlocks } from './config-blocks.js';
import { keepalivedPlan } from './keepalived-config.js';
import { ldirectordPlan } from './ldirectord-config.js';
import { listProcesses, type HostProcess } from './proc-processes.js';

export interface DetectOptions {
  procRoot?: string;
  /** The addresses this host holds now (canonical text). */
  localAddresses: () => Set<string>;
  /** Where relative and default configuration paths start (tests point it at a fixture tree). */
  fsRoot?: string;
}

const ldirectordVerbs = new Set([
  'start',
  'stop',
  'restart',
  'try-restart',
  'reload',
  'force-reload',
  'status',
]);

/** The value of `-f X`, `-fX`, `--use-file X` or `--use-file=X` style options. */
export function optionValue(argv: readonly string[], short: string | null, long: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === long || (short !== null && arg === short)) return argv[i + 1] ?? null;
    if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
    if (short !== null && arg.startsWith(short) && arg.length > short.length && !arg.startsWith('--'))
      return arg.slice(short.length);
  }
  return null;
}

const isLdirectord = (p: HostProcess) =>
  p.comm === 'ldirectord' || p.argv.slice(0, 3).some((arg) => basename(arg) === 'ldirectord');

async function keepalivedOwner(process: HostProcess, options: DetectOptions): Promise<TableOwner> {
  const given = optionValue(process.argv, '-f', '--use-file');
  const config = given ?? '/etc/keepalived/keepalived.conf';
  const owner: TableOwner = {
    name: 'keepalived',
    pid: process.pid,
    config,
    services: [],
    vrrp: [],
    note: null,
  };
  try {
    const { statements, skipped } = await readConfigBlocks(rooted(config, options));
    const plan = keepalivedPlan(statements);
    const local = options.localAddresses();
    owner.services = plan.services;
    owner.vrrp = plan.vrrp.map((instance): VrrpInstanceState => ({
      ...instance,
      state:
        instance.virtualAddresses.length === 0
          ? 'unknown'
          : instance.virtualAddresses.some((address) => local.has(address))
            ? 'master'
            : 'backup',
    }));
    const notes = [
      ...(skipped.length > 0 ? [`includes not read: ${skipped.join(', ')}`] : []),
      ...(plan.unnamed > 0 ? [`${plan.unnamed} virtual server(s) not named (ranges or groups)`] : []),
    ];
    owner.note = notes.length > 0 ? notes.join('; ') : null;
  } catch (error) {
    owner.note = `cannot read ${config}: ${(error as Error).message}`;
  }
  return owner;
}

async function ldirectordOwner(process: HostProcess, options: DetectOptions): Promise<TableOwner> {
  const script = process.argv.findIndex((arg) => basename(arg) === 'ldirectord');
  const named = process.argv
    .slice(script + 1)
    .find((arg) => !arg.startsWith('-') && !ldirectordVerbs.has(arg));
  const config = named ? (isAbsolute(named) ? named : join('/etc/ha.d', named)) : '/etc/ha.d/ldirectord.cf';
  const owner: TableOwner = {
    name: 'ldirectord',
    pid: process.pid,
    config,
    services: [],
    vrrp: [],
    note: null,
  };
  try {
    const plan = ldirectordPlan(await readFile(rooted(config, options), 'utf8'));
    owner.services = plan.services;
    if (plan.unnamed > 0) owner.note = `${plan.unnamed} virtual service(s) not named`;
  } catch (error) {
    owner.note = `cannot read ${config}: ${(error as Error).message}`;
  }
  return owner;
}

async function kubeProxyOwner(process: HostProcess, options: DetectOptions): Promise<TableOwner> {
  const config = optionValue(process.argv, null, '--config');
  let mode = optionValue(process.argv, null, '--proxy-mode');
  let note: string | null = null;
  if (mode === null && config !== null) {
    try {
      const text = await readFile(rooted(config, options), 'utf8');
      mode = /^mode:\s*["']?([\w-]*)["']?\s*$/m.exec(text)?.[1] ?? null;
    } catch (error) {
      note = `cannot read ${config}: ${(error as Error).message}`;
    }
  }
  // In IPVS mode kube-proxy owns every service it finds and removes the ones Kubernetes does not know.
  const managesIpvs = mode === null || mode === '' || mode === 'ipvs';
  if (!managesIpvs) note = `proxy mode ${mode}: it does not manage IPVS services`;
  else if (mode === null) note ??= 'proxy mode not found; assumed ipvs';
  return { name: 'kube-proxy', pid: process.pid, config, services: managesIpvs ? 'all' : [], vrrp: [], note };
}

/** A path as this agent reads it (the fixture root in tests, / otherwise). */
function rooted(path: string, options: DetectOptions): string {
  return options.fsRoot ? join(options.fsRoot, path) : path;
}

export async function detectOwners(options: DetectOptions): Promise<TableOwner[]> {
  const processes = await listProcesses(
    (comm) => comm === 'keepalived' || comm === 'kube-proxy' || comm === 'ldirectord' || comm === 'perl',
    options.procRoot,
  );
  const keepalived = new Set(processes.filter((p) => p.comm === 'keepalived').map((p) => p.pid));
  const owners: Promise<TableOwner>[] = [];
  for (const process of processes.sort((a, b) => a.pid - b.pid)) {
    // keepalived forks its VRRP and checker children under the same name: the parent speaks for them.
    if (process.comm === 'keepalived' && !keepalived.has(process.ppid))
      owners.push(keepalivedOwner(process, options));
    else if (process.comm === 'kube-proxy') owners.push(kubeProxyOwner(process, options));
    else if (isLdirectord(process)) owners.push(ldirectordOwner(process, options));
  }
  return Promise.all(owners);
}

// Boots a user-mode Linux guest (Debian's linux.uml, which has IPVS as modules) with the host's / as its
// read-only root, runs one shell command in it and resolves with the command's exit code and output.
// Shared by the kernel suite, the netlink benchmark and any other suite that needs a real IPVS kernel.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
export const LINUX_UML = '/usr/bin/linux.uml';
/**
 * Debian packages a guest needs (linux.uml; ipvsadm as reference peer; modprobe; poweroff/httpd/wget; ip;
 * iptables to mark packets for fwmark services).
 */
export const GUEST_PACKAGES = [
  'user-mode-linux',
  'ipvsadm',
  'kmod',
  'busybox-static',
  'iproute2',
  'iptables',
];

const READY = '@@guest-ready@@';
const runningGroups = new Set();

/** SIGTERMs every guest this process started (for an entry point's SIGINT/SIGTERM handler). */
export function stopAllGuests() {
  for (const pgid of runningGroups) {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

const DONE = '@@guest-done@@';
const INIT_SCRIPT = fileURLToPath(new URL('./init.sh', import.meta.url));

function shellQuote(value) {
  return `'${String(value).replace(/'/g, `'\\''`)}'`;
}

function assertNoSpaces(what, value) {
  // linux.uml joins its arguments with spaces, so a space would split one kernel word into two.
  if (/\s/.test(value)) throw new Error(`${what} must not contain white space: ${JSON.stringify(value)}`);
}

/** Passes only guest output between init's markers to `onOutput`; keeps everything for error reports. */
function createOutputFilter(onOutput) {
  let pending = '';
  let phase = 'boot';
  const all = [];
  return {
    all,
    push(chunk) {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline + 1).replace(/\r\n$/, '\n');
        pending = pending.slice(newline + 1);
        all.push(line);
        if (line.startsWith(READY)) phase = 'command';
        else if (line.startsWith(DONE)) phase = 'done';
        else if (phase === 'command') onOutput(line);
      }
    },
    commandOutput() {
      const start = all.findIndex((line) => line.startsWith(READY));
      const end = all.findIndex((line) => line.startsWith(DONE));
      return start < 0 ? '' : all.slice(start + 1, end < 0 ? undefined : end).join('');
    },
  };
}

/**
 * Runs `command` with /bin/sh inside a fresh guest. The guest's cwd is `cwd` (default: the repo root).
 * Rejects (never skips) when the guest cannot boot or does not finish before `timeoutMs`.
 * @param {string} command shell command line, run as root in the guest
 * @param {{ timeoutMs?: number, env?: Record<string,string>, cwd?: string, writable?: string[],
 *   modules?: string[], memory?: string, onOutput?: (text: string) => void }} [options]
 *   writable: host folders mounted read-write at the same path; modules: loaded before the command
 *   (default ip_vs and veth); onOutput: receives the command's output line by line (default: stdout).
 * @returns {Promise<{ code: number, output: string, seconds: number }>}
 */
export function runInGuest(command, options = {}) {
  const {
    timeoutMs = 5 * 60_000,
    env = {},
    cwd = REPO_ROOT,
    writable = [],
    modules = ['ip_vs', 'veth'],
    memory = '1G',
    onOutput = (text) => process.stdout.write(text),
  } = options;
  if (!existsSync(LINUX_UML)) {
    return Promise.reject(new Error(`${LINUX_UML} is missing: apt-get install -y user-mode-linux`));
  }
  writable.forEach((dir) => assertNoSpaces('a writable folder', dir));
  modules.forEach((name) => assertNoSpaces('a module name', name));

  assertNoSpaces('the repository folder', REPO_ROOT);
  const workDir = mkdtempSync(join(tmpdir(), 'ipvs-guest-'));
  assertNoSpaces('the temporary folder', workDir);
  const outDir = join(workDir, 'out');
  const umlDir = join(workDir, 'uml');
  mkdirSync(outDir);
  mkdirSync(umlDir);
  const init = join(workDir, 'init.sh');
  copyFileSync(INIT_SCRIPT, init);
  chmodSync(init, 0o755);
  writeFileSync(join(outDir, 'command.sh'), `${command}\n`);
  const guestEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/tmp', GUEST_CWD: cwd, ...env };
  const envLines = Object.entries(guestEnv).map(([key, value]) => `export ${key}=${shellQuote(value)}`);
  writeFileSync(join(outDir, 'env.sh'), `${envLines.join('\n')}\n`);

  const umid = `ipvs-${process.pid}-${randomBytes(4).toString('hex')}`;
  const args = [
    `mem=${memory}`,
    `umid=${umid}`,
    `uml_dir=${umlDir}`,
    'root=/dev/root',
    'rootfstype=hostfs',
    'rootflags=/',
    'ro',
    'quiet',
    'con=null',
    'con0=null,fd:1',
    `init=${init}`,
    `OUT=${outDir}`,
    `WRITABLE=${writable.join(',')}`,
    `READONLY=${hiddenByGuestTmpfs([REPO_ROOT, cwd]).join(',')}`,
    `MODULES=${modules.join(',')}`,
  ];
  const umlEnv = umlEnvironment(memory, workDir);
  return boot(args, { timeoutMs, onOutput, outDir, env: umlEnv }).finally(() => {
    rmSync(workDir, { recursive: true, force: true });
  });
}

/**
 * linux.uml backs guest memory with a file in $TMPDIR, else /dev/shm. Containers often give /dev/shm only
 * 64 MB, and a guest touching more than that dies with SIGBUS: then use our own folder on disk instead.
 */
function umlEnvironment(memory, workDir) {
  const megabytes = Number.parseInt(memory, 10) * (/g$/i.test(memory) ? 1024 : 1);
  try {
    const shm = statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize >= (megabytes + 128) * 1024 * 1024) return process.env;
  } catch {
    // No /dev/shm at all: fall through to a folder on disk.
  }
  return { ...process.env, TMPDIR: workDir };
}

/** Starts linux.uml in its own process group so a timeout can stop it and all its helper processes. */
function boot(args, { timeoutMs, onOutput, outDir, env }) {
  const started = Date.now();
  const filter = createOutputFilter(onOutput);
  return new Promise((resolve, reject) => {
    const child = spawn(LINUX_UML, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let timedOut = false;
    if (child.pid !== undefined) runningGroups.add(child.pid);
    const stopGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup('SIGTERM');
      setTimeout(() => stopGroup('SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => filter.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => filter.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${LINUX_UML}: ${error.message}`));
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      runningGroups.delete(child.pid);
      filter.push('\n');
      // linux.uml leaves helper processes when only its main process dies; make sure none outlive the run.
      stopGroup('SIGKILL');
      const seconds = (Date.now() - started) / 1000;
      const codeFile = join(outDir, 'exit-code');
      const codeText = existsSync(codeFile) ? readFileSync(codeFile, 'utf8').trim() : '';
      if (!timedOut && /^\d+$/.test(codeText)) {
        resolve({ code: Number(codeText), output: filter.commandOutput(), seconds });
        return;
      }
      const reason = timedOut
        ? `the guest did not finish within ${timeoutMs} ms and was stopped`
        : `the guest stopped (linux.uml ${signal ?? `exit ${status}`}) without reporting an exit code`;
      const tail = filter.all.slice(-40).join('');
      reject(new Error(`${reason}. Last console lines:\n${tail}`));
    });
  });
}

/**
 * The guest mounts fresh tmpfs on /tmp and /run, hiding the host's: a checkout there (a CI clone in /tmp,
 * say) must be mounted from the host again, read-only, at the same path.
 */
function hiddenByGuestTmpfs(paths) {
  const hidden = (path) => ['/tmp', '/run'].some((top) => path === top || path.startsWith(`${top}/`));
  return [...new Set(paths.filter(hidden))];
}

/**
 * Brings dist/ up to date with `npx tsc -b` before a guest suite uses it, so no suite ever tests a build
 * older than its sources: tsc -b compares every source with its output itself and rebuilds only what is
 * stale (shared, agent, contract, kernel suite), a few seconds when nothing is. `marker` (a path under
 * the repository) must exist afterwards: the file the suite starts from.
 */
export function ensureBuilt(marker) {
  const result = spawnSync('npx', ['tsc', '-b'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npx tsc -b failed (exit ${result.status ?? result.signal})`);
  if (!existsSync(join(REPO_ROOT, marker))) throw new Error(`npx tsc -b did not make ${marker}`);
}

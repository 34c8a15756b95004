// ipvsadm, the reference peer: what the project writes must read back identically through it, and
// what it writes must read back identically through the project.
import { exec, type ExecResult } from './lib/exec.js';

export function ipvsadm(args: readonly string[], input?: string): ExecResult {
  return exec('ipvsadm', args, input === undefined ? {} : { input });
}

/** Runs ipvsadm and throws with its own message when it fails (setup steps). */
export function mustIpvsadm(args: readonly string[], input?: string): string {
  const result = ipvsadm(args, input);
  if (result.code !== 0) {
    throw new Error(`ipvsadm ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim()}`);
  }
  return result.stdout;
}

/** Applies `ipvsadm -R` rules (one `-A`/`-a` line each, as `ipvsadm -Sn` prints them). */
export function restoreRules(rules: string): void {
  mustIpvsadm(['-R'], rules.endsWith('\n') ? rules : `${rules}\n`);
}

/** The whole table as `ipvsadm -Sn` saves it: the canonical text both sides are compared by. */
export function savedRules(): string {
  return mustIpvsadm(['-Sn']);
}

export function clearAll(): void {
  mustIpvsadm(['-C']);
  // Sync daemons outlive -C; stop both so each test starts from nothing.
  ipvsadm(['--stop-daemon', 'master']);
  ipvsadm(['--stop-daemon', 'backup']);
}

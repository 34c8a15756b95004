// Runs a program inside the guest and returns what it printed; kernel tests assert on this, never throw.
import { spawnSync } from 'node:child_process';

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** Exit status; -1 when the program could not start or was killed. */
  code: number;
}

export interface ExecOptions {
  input?: string;
  timeoutMs?: number;
}

export function exec(program: string, args: readonly string[], options: ExecOptions = {}): ExecResult {
  const result = spawnSync(program, args, {
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const startError = result.error ? `${program}: ${result.error.message}\n` : '';
  return {
    stdout: result.stdout ?? '',
    stderr: startError + (result.stderr ?? ''),
    code: result.status ?? -1,
  };
}

/** Like exec, but throws with the program's stderr when it fails: for setup steps that must work. */
export function mustExec(program: string, args: readonly string[], options: ExecOptions = {}): string {
  const result = exec(program, args, options);
  if (result.code !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim()}`);
  }
  return result.stdout;
}

/** Runs a shell snippet with `sh -c` (for loops that would cost one process per step from node). */
export function shell(script: string, options: ExecOptions = {}): ExecResult {
  return exec('/bin/sh', ['-c', script], options);
}

import { spawn } from 'node:child_process';
import type { HealthCheck } from '@ipvs-dashboard/shared';
import { timedOut, type ProbeOutcome, type ProbeTarget } from './probe.js';

/**
 * keepalived's MISC_CHECK: run the command with /bin/sh, up when it exits 0 within the timeout. It learns
 * the server from REAL_SERVER_ADDRESS and REAL_SERVER_PORT. At the timeout its whole process group is
 * killed (it runs in a group of its own), so a hung script's children do not pile up.
 */
export function commandProbe(target: ProbeTarget, check: HealthCheck): Promise<ProbeOutcome> {
  const timeoutMs = check.timeoutSeconds * 1000;
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', check.command ?? 'false'], {
      stdio: 'ignore',
      detached: true,
      env: {
        PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
        REAL_SERVER_ADDRESS: target.address,
        REAL_SERVER_PORT: String(target.port),
      },
    });
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone between the timer and the kill.
        }
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, detail: `could not run: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (expired) resolve({ ok: false, detail: timedOut(timeoutMs) });
      else if (code === 0) resolve({ ok: true, detail: 'exit 0' });
      else
        resolve({ ok: false, detail: code === null ? `killed by ${signal ?? 'a signal'}` : `exit ${code}` });
    });
  });
}

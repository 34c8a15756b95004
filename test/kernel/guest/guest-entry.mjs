// The host side of every entry point that boots the guest (test/kernel, test/agent-http, test/metrics-kernel,
// bench/netlink, bench/restore, bench/metrics): install the guest's Debian packages, bring dist/ up to date,
// stop the guest on Ctrl-C, report a failure in one line and exit with the run's code. Guest-side helpers
// (ipvsadm, starting the agent) are in guest-processes.mjs.
import { ensureDebianPackages } from '../../../scripts/ensure-debian-packages.mjs';
import { ensureBuilt, GUEST_PACKAGES, runInGuest, stopAllGuests } from './run-in-guest.mjs';

/**
 * Runs `work` after the guest's packages (plus `packages`) are installed and dist/ is built (`built`: the
 * file the run starts from), then exits with the code `work` resolves with (0 when none).
 * @param {string} name what the run is called in its failure line
 * @param {{ packages?: string[], built: string }} needs
 * @param {() => Promise<number | void>} work
 */
export function runGuestEntry(name, { packages = [], built }, work) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stopAllGuests();
      process.exit(1);
    });
  }
  const run = async () => {
    ensureDebianPackages([...GUEST_PACKAGES, ...packages]);
    ensureBuilt(built);
    return work();
  };
  run().then(
    (code) => process.exit(code ?? 0),
    (error) => {
      console.error(`${name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

/**
 * Runs a benchmark's guest script (`command`, e.g. `node bench/restore/guest-restore.mjs`) with the host's
 * values of `envNames` passed on, and resolves with the JSON object it prints as its last line.
 * @param {string} command
 * @param {{ envNames: string[], timeoutMs: number, writable?: string[] }} options (writable: host folders the guest may write)
 */
export async function runGuestBenchmark(command, { envNames, timeoutMs, writable = [] }) {
  const env = {};
  for (const name of envNames) if (process.env[name]) env[name] = process.env[name];
  const { code, output } = await runInGuest(command, { timeoutMs, env, writable });
  const last = output.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{'))
    throw new Error(`the benchmark failed in the guest (exit ${code})`);
  return JSON.parse(last);
}

#!/usr/bin/env node
// Runs the agent against a real IPVS kernel: boots a user-mode Linux guest (test/kernel/guest) and, inside it,
// starts `node apps/agent/dist/main.js` with --backend auto (root + IPVS => kernel) and drives it over HTTP,
// WebSocket and /metrics, with ipvsadm as the independent reference. `node test/agent-http/run.mjs`.
import { ensureDebianPackages } from '../../scripts/ensure-debian-packages.mjs';
import { GUEST_PACKAGES, ensureBuilt, runInGuest, stopAllGuests } from '../kernel/guest/run-in-guest.mjs';

async function main() {
  ensureDebianPackages(GUEST_PACKAGES);
  ensureBuilt('apps/agent/dist/main.js');
  const { code, seconds } = await runInGuest(
    'node --test --test-reporter=spec test/agent-http/kernel-agent.guest.mjs',
    {
      timeoutMs: 5 * 60_000,
      env: { NO_COLOR: '1' },
    },
  );
  console.log(`Agent-on-real-kernel suite exited with ${code} after ${seconds.toFixed(1)} s (boot included)`);
  return code;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAllGuests();
    process.exit(1);
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      `Agent-on-real-kernel suite FAILED: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);

#!/usr/bin/env node
// `npm run test:kernel`: installs the guest's Debian packages if missing (as root), builds if needed, boots
// a user-mode Linux guest and runs the whole real-kernel suite in it as one node process; exits with its code.
// KTEST_FILTER=a,b runs only matching *.ktest files; KTEST_RECORD_FIXTURES=1 rewrites test/kernel/fixtures.
import { join } from 'node:path';
import { ensureDebianPackages } from '../../scripts/ensure-debian-packages.mjs';
import { GUEST_PACKAGES, REPO_ROOT, ensureBuilt, runInGuest, stopAllGuests } from './guest/run-in-guest.mjs';

const SUITE = 'test/kernel/dist/suite.js';
const FIXTURES = join(REPO_ROOT, 'test/kernel/fixtures');

async function main() {
  ensureDebianPackages(GUEST_PACKAGES);
  ensureBuilt(SUITE);
  const record = process.env.KTEST_RECORD_FIXTURES === '1';
  const env = {
    KTEST_FILTER: process.env.KTEST_FILTER ?? '',
    KTEST_RECORD_FIXTURES: record ? '1' : '',
    NODE_OPTIONS: '--enable-source-maps',
    NO_COLOR: '1',
  };
  console.log(`Booting the user-mode Linux guest for ${SUITE}`);
  const { code, seconds } = await runInGuest(`node --test-reporter=spec ${SUITE}`, {
    timeoutMs: Number(process.env.KTEST_TIMEOUT_MS ?? 15 * 60_000),
    env,
    writable: record ? [FIXTURES] : [],
  });
  console.log(`Real-kernel suite exited with ${code} after ${seconds.toFixed(1)} s (boot included)`);
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
    console.error(`Real-kernel suite FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

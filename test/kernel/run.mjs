#!/usr/bin/env node
// `npm run test:kernel`: installs the guest's Debian packages if missing (as root), builds if needed, boots
// a user-mode Linux guest and runs the whole real-kernel suite in it as one node process; exits with its code.
// KTEST_FILTER=a,b runs only matching *.ktest files; KTEST_RECORD_FIXTURES=1 rewrites test/kernel/fixtures.
import { join } from 'node:path';
import { runGuestEntry } from './guest/guest-entry.mjs';
import { REPO_ROOT, runInGuest } from './guest/run-in-guest.mjs';

const SUITE = 'test/kernel/dist/suite.js';
const FIXTURES = join(REPO_ROOT, 'test/kernel/fixtures');

runGuestEntry('Real-kernel suite', { built: SUITE }, async () => {
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
});

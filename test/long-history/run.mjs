#!/usr/bin/env node
// `node test/long-history/run.mjs`: long history against a real Prometheus (Debian package prometheus) on
// 127.0.0.1, backfilled with promtool and scraping the agent's simulated backend on loopback. No guest:
// nothing here touches a kernel. Installs the package when missing, as root; fails (never skips) otherwise.
import { spawnSync } from 'node:child_process';

const ensure = spawnSync('node', ['scripts/ensure-debian-packages.mjs', 'prometheus'], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(ensure.status ?? 1);
const run = spawnSync('npx', ['vitest', 'run', '--config', 'test/long-history/vitest.config.mjs'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);

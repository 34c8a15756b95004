#!/usr/bin/env node
// `node test/metrics-kernel/run.mjs`: boots the user-mode Linux guest and compares the agent's /metrics
// node_ipvs_* series with prometheus-node-exporter's ipvs collector for the same kernel table there (issue
// 3 §4). Installs prometheus-node-exporter (and the guest's packages) when missing, as root.
import { runGuestEntry } from '../kernel/guest/guest-entry.mjs';
import { runInGuest } from '../kernel/guest/run-in-guest.mjs';

const needs = { packages: ['prometheus-node-exporter'], built: 'test/kernel/dist/scenario.js' };

runGuestEntry('node_exporter comparison', needs, async () => {
  const tests = [
    'test/metrics-kernel/__tests__/prometheus-text.test.mjs',
    'test/metrics-kernel/node-exporter.guest.mjs',
  ];
  const { code, seconds } = await runInGuest(`node --test --test-reporter=spec ${tests.join(' ')}`, {
    timeoutMs: 10 * 60_000,
    env: { NO_COLOR: '1' },
  });
  console.log(`node_exporter comparison exited with ${code} after ${seconds.toFixed(1)} s (boot included)`);
  return code;
});

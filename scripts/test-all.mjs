#!/usr/bin/env node
// `npm test`: every suite in order, stopping at the first failure so the log ends with its cause.
// Suites that need Debian packages install them themselves (as root) or say which command to run.
import { spawnSync } from 'node:child_process';

// Every Debian package any suite needs, installed up front so no suite finds a tool missing halfway
// (each suite's own runner still checks its part when run alone).
const debianPackages = [
  'user-mode-linux',
  'ipvsadm',
  'kmod',
  'busybox-static',
  'iproute2',
  'prometheus',
  'prometheus-node-exporter',
  'chromium',
  'fonts-nanum',
  'openssl',
];

const steps = [
  ['Debian packages', ['node', 'scripts/ensure-debian-packages.mjs', ...debianPackages]],
  ['lint', ['npm', 'run', 'lint']],
  ['types and build', ['npm', 'run', 'build']],
  ['unit', ['npm', 'run', 'test:unit']],
  // Three agent processes on 127.0.0.1 (simulated backend), one with --fleet naming the others.
  ['fleet (agent processes)', ['node', '--test', 'test/fleet/']],
  // deploy/prometheus: promtool check config / check rules / test rules (the alerts' unit tests).
  ['Prometheus config and alert rules', ['npm', 'run', 'test:prometheus']],
  ['real kernel', ['npm', 'run', 'test:kernel']],
  // Its own guest boot: it needs prometheus-node-exporter and the compiled scenario, not test/kernel's suite.
  ['node_exporter comparison (real kernel)', ['node', 'test/metrics-kernel/run.mjs']],
  // A real Prometheus on 127.0.0.1 (no guest): long history backfilled with promtool and scraped live.
  ['long history from Prometheus', ['node', 'test/long-history/run.mjs']],
  ['browser end to end', ['npm', 'run', 'test:e2e']],
];

for (const [name, argv] of steps) {
  console.log(`\n=== ${name}: ${argv.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${name} FAILED after ${seconds} s (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${name} passed in ${seconds} s`);
}

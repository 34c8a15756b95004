#!/usr/bin/env node
// Runs the agent against a real IPVS kernel: boots a user-mode Linux guest (test/kernel/guest) and, inside it,
// starts `node apps/agent/dist/main.js` with --backend auto (root + IPVS => kernel) and drives it over HTTP,
// WebSocket and /metrics, with ipvsadm as the independent reference. `node test/agent-http/run.mjs`;
// `KTEST_FILTER=crash node test/agent-http/run.mjs` runs only the files whose name contains "crash".
// The files share the guest's one IPVS table, so they run one after another (one node --test each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGuestEntry } from '../kernel/guest/guest-entry.mjs';
import { runInGuest } from '../kernel/guest/run-in-guest.mjs';

const FILES = [
  'kernel-agent.guest.mjs',
  // Issue 9 (change pipeline): refused restores under traffic, undo, attribution, If-Match, kill -9.
  'kernel-restore-traffic.guest.mjs',
  'kernel-undo.guest.mjs',
  'kernel-concurrency.guest.mjs',
  'kernel-crash.guest.mjs',
  // Issue 12: keepalived managing the same table is named in /info and as the likely author of its changes.
  'kernel-owners.guest.mjs',
  // Issue 11: GET /connections?service=<fwmark sid> with traffic marked by iptables.
  'kernel-fwmark-connections.guest.mjs',
  // Issue 12: health checks and holds (operator, health) against real servers in namespaces.
  'kernel-health.guest.mjs',
  // Issue 12: the same TCP check run by keepalived and the agent on one kernel: detection times compared.
  'kernel-keepalived-compare.guest.mjs',
  // Issue 12: slow-start ramps and the sorry server, with traffic through the VIP.
  'kernel-slow-start.guest.mjs',
  // Issue 12: alerts (webhooks to a loopback receiver, the log, /metrics health and digest).
  'kernel-alerts.guest.mjs',
  // Issue 12: drain to completion with long-lived connections, a deadline, and a persistence template.
  'kernel-drain.guest.mjs',
  // Issue 13: a fleet change on two directors (two network namespaces, an agent in each).
  'kernel-fleet-change.guest.mjs',
  // Issue 13: the pair diff, fleet sparklines and history beyond 15 minutes from Debian's prometheus
  // scraping two directors (two network namespaces, an agent in each).
  'kernel-fleet-prometheus.guest.mjs',
  // Issue 12: kill -9 of the agent mid-ramp and mid-drain, traffic looping through the VIP.
  'kernel-restart-midway.guest.mjs',
];

// keepalived: the peer that owns part of the table in kernel-owners.guest.mjs; prometheus (and its promtool):
// the long-history store in kernel-fleet-prometheus.guest.mjs.
const needs = { packages: ['keepalived', 'prometheus'], built: 'apps/agent/dist/main.js' };

runGuestEntry('Agent-on-real-kernel suite', needs, async () => {
  const files = FILES.filter((file) => file.includes(process.env.KTEST_FILTER ?? ''));
  if (files.length === 0) throw new Error(`no file matches KTEST_FILTER=${process.env.KTEST_FILTER}`);
  const runs = files.map((file) => `node --test --test-reporter=spec test/agent-http/${file} || rc=1`);
  // A host folder the guest writes to (GUEST_DISK_DIR): Prometheus's storage, whose preallocated 512 MiB
  // chunk files do not fit the guest's tmpfs /tmp (half its memory).
  const disk = mkdtempSync(join(tmpdir(), 'agent-http-disk-'));
  const { code, seconds } = await runInGuest(`rc=0; ${runs.join('; ')}; exit $rc`, {
    timeoutMs: 20 * 60_000,
    env: { NO_COLOR: '1', GUEST_DISK_DIR: disk },
    writable: [disk],
  }).finally(() => rmSync(disk, { recursive: true, force: true }));
  console.log(`Agent-on-real-kernel suite exited with ${code} after ${seconds.toFixed(1)} s (boot included)`);
  return code;
});

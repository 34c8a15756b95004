// A child process of guest-bench.mjs that runs and times `ipvsadm` for it. The benchmark must not fork
// itself between snapshots: fork() write-protects every page of the forking process (copy-on-write), and
// in user-mode Linux each page the process then writes again costs a fault through the host. One read
// right after spawning even `true` took 240-580 ms against 52-99 ms without (docs/benchmarks/netlink.md).
// The agent never forks, so this keeps the benchmark measuring what the agent pays, and ipvsadm is still
// timed with its process start included, as a caller of ipvsadm pays it.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

process.on('message', ({ id, args }) => {
  const started = performance.now();
  const result = spawnSync('ipvsadm', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  process.send({ id, ms, status: result.status, stderr: result.stderr ?? String(result.error) });
});
process.on('disconnect', () => process.exit(0));

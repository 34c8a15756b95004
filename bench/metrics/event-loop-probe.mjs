// Preloaded into the agent by guest-metrics.mjs (`node --import ./bench/metrics/event-loop-probe.mjs
// apps/agent/dist/main.js ...`): measures the agent's own event loop, in its own process, over windows the
// benchmark opens and closes through the IPC channel ("start" / "stop" -> the longest delay seen, in ms).
// perf_hooks' histogram runs on a libuv timer (1 ms resolution), so a delay is how long JavaScript, GC
// included, held the loop; it is switched on only inside a window.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 1 });

process.on('message', (message) => {
  if (message === 'start') {
    histogram.reset();
    histogram.enable();
    process.send?.({ started: true });
  } else if (message === 'stop') {
    histogram.disable();
    process.send?.({
      maxMs: histogram.max / 1e6,
      p99Ms: histogram.percentile(99) / 1e6,
      samples: histogram.count,
    });
  }
});

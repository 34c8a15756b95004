// Loaded into the agent with --import by bench:checks: a 10 ms timer measures how late it fires (an
// event-loop block delays it by the block's length); every second the longest delay of that second is
// written to LOOP_PROBE_FILE as [[epoch ms, max ms], ...] (the last 20 minutes), for the bench to read a
// window of. The timer itself costs the agent a little CPU (100 wake-ups a second), the same at every size.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.LOOP_PROBE_FILE;
const TICK_MS = 10;
if (file) {
  const seconds = [];
  let last = performance.now();
  let max = 0;
  let secondStarted = Date.now();
  setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - TICK_MS);
    last = now;
    if (Date.now() - secondStarted < 1000) return;
    seconds.push([Date.now(), Number(max.toFixed(1))]);
    if (seconds.length > 1200) seconds.shift();
    max = 0;
    secondStarted = Date.now();
    writeFileSync(file, JSON.stringify(seconds));
  }, TICK_MS).unref();
}

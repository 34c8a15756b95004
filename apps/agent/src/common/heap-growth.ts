// How far V8 may grow the agent's old generation past its live size before the next full collection.
// The agent's live heap is 60-100 MB at 1,000 x 10 (the table's rows, 15 minutes of history, the sampler's
// tracks), but with V8's default the old generation grew to up to 4x that between full collections whenever
// the collector was short of CPU, and resident memory follows its high-water mark: the agent held more than
// a server without any history (docs/benchmarks/ws.md). Half the live size holds it near 1.5x at the same
// CPU. Set at run time, not on the command line, so every way of starting the agent (npm start, the systemd
// unit, the benchmarks' agent process) gets it from this one place.
import { setFlagsFromString } from 'node:v8';

/** Percent of the live heap the old generation may grow by before the next full collection. */
export const HEAP_GROWING_PERCENT = 50;

/** Applies HEAP_GROWING_PERCENT to this process; V8 reads it at every full collection. */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

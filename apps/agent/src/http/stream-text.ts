import type { Response } from 'express';
import { performance } from 'node:perf_hooks';

/**
 * How long text is generated before the event loop gets a turn. Well under the 20 ms block that the
 * /metrics goal allows (docs/benchmarks/metrics.md), so the API and the live feed keep answering.
 */
const SLICE_MS = 4;

/** Resolves when the socket wants more, or is gone. */
function writable(response: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}

/**
 * Writes the pieces of a generator ('' marks a place to pause) as a chunked body, a few milliseconds of
 * work at a time with a setImmediate turn between, waiting for the socket when it is full; stops early
 * when the client goes away.
 */
export async function streamText(pieces: Generator<string>, response: Response): Promise<void> {
  let buffer = '';
  let sliceStart = performance.now();
  for (const piece of pieces) {
    buffer += piece;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    if (buffer !== '' && !response.write(buffer)) await writable(response);
    buffer = '';
    await new Promise((resolve) => setImmediate(resolve));
    if (response.destroyed) return;
    sliceStart = performance.now();
  }
  response.end(buffer);
}

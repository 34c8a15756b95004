// Tiny assertions and polling for the browser suite (no test framework: node runs the specs directly).
import { AssertionError } from 'node:assert';

export function check(condition, message) {
  if (!condition) throw new AssertionError({ message });
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; returns that value. */
export async function eventually(probe, message, timeoutMs = 10_000, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new AssertionError({ message: `${message} (last: ${detail})` });
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

import type { FrameCheckAnswer, FrameCheckRequest } from './frame-check.worker';

// The page side of frame-check.worker.ts: one lazily started worker, answers matched to requests by id.
// Null where the browser (or jsdom in tests) has no module workers. 'unchecked' when the worker could not run
// (blocked, crashed): the socket then checks that frame, and all later ones, on the main thread.
export type FrameVerdict = 'valid' | 'invalid' | 'unchecked';
export type FrameCheck = (text: string) => Promise<FrameVerdict>;

export function createFrameChecker(): FrameCheck | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  const waiting = new Map<number, (verdict: FrameVerdict) => void>();
  const start = (): Worker => {
    const created = new Worker(new URL('./frame-check.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<FrameCheckAnswer>) => {
      waiting.get(event.data.id)?.(event.data.valid ? 'valid' : 'invalid');
      waiting.delete(event.data.id);
    };
    // A worker that cannot start or crashed must not stall or empty the feed.
    created.onerror = () => {
      broken = true;
      for (const settle of waiting.values()) settle('unchecked');
      waiting.clear();
      created.terminate();
    };
    return created;
  };
  return (text) =>
    new Promise<FrameVerdict>((settle) => {
      if (broken) return settle('unchecked');
      worker ??= start();
      const request: FrameCheckRequest = { id: nextId++, text };
      waiting.set(request.id, settle);
      worker.postMessage(request);
    });
}

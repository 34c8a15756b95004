import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSocket, backoffDelay, type LiveStatus } from '../live-socket';
import { currentSession, resetSession } from '../../api/session-state';

/** Just enough of a WebSocket for the transport: the test opens, sends and closes it. */
class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event?: { code: number }) => void) | null = null;
  closed = false;
  close() {
    this.closed = true;
    this.onclose?.();
  }
}

describe('live-socket', () => {
  let sockets: FakeSocket[];
  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
  });
  afterEach(() => vi.useRealTimers());

  function start(onMessage = vi.fn(), onReconnect = vi.fn()) {
    const live = new LiveSocket<{ n: number }>({
      url: 'ws://x/api/v1/live',
      parse: (data) => {
        const value = data as { n?: unknown };
        if (typeof value.n !== 'number') throw new Error('bad frame');
        return { n: value.n };
      },
      onMessage,
      onReconnect,
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      backoff: { baseMs: 100, maxMs: 1000 },
    });
    live.start();
    return { live, onMessage, onReconnect };
  }

  it('delivers valid frames and drops the ones the schema rejects', () => {
    const { live, onMessage } = start();
    sockets[0]?.onopen?.();
    sockets[0]?.onmessage?.({ data: '{"n":1}' });
    sockets[0]?.onmessage?.({ data: '{"x":1}' });
    sockets[0]?.onmessage?.({ data: 'not json' });
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onMessage).toHaveBeenCalledWith({ n: 1 });
    expect(live.droppedFrames).toBe(2);
    expect(live.rejected).toEqual({ count: 2, lastKind: 'unreadable' });
    sockets[0]?.onmessage?.({ data: '{"type":"change","x":1}' });
    expect(live.rejected).toEqual({ count: 3, lastKind: 'change' });
  });

  it('checks large frames off the thread and still delivers every frame in arrival order', async () => {
    vi.useRealTimers();
    const delivered: number[] = [];
    const checks: { text: string; settle: (verdict: 'valid' | 'invalid') => void }[] = [];
    const live = new LiveSocket<{ n: number }>({
      url: 'ws://x/api/v1/live',
      parse: (data) => data as { n: number },
      onMessage: (message) => delivered.push(message.n),
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      checkOffThread: (text) => new Promise((settle) => checks.push({ text, settle })),
      offThreadFromChars: 20,
    });
    live.start();
    const large = (n: number) => JSON.stringify({ n, padding: 'x'.repeat(30) });
    sockets[0]?.onmessage?.({ data: large(1) });
    sockets[0]?.onmessage?.({ data: '{"n":2}' });
    sockets[0]?.onmessage?.({ data: large(3) });
    await Promise.resolve();
    expect(delivered).toEqual([]);
    checks[0]?.settle('valid');
    await vi.waitFor(() => expect(checks).toHaveLength(2));
    expect(delivered).toEqual([1, 2]);
    checks[1]?.settle('invalid');
    await vi.waitFor(() => expect(live.droppedFrames).toBe(1));
    expect(delivered).toEqual([1, 2]);
    sockets[0]?.onmessage?.({ data: '{"n":4}' });
    await vi.waitFor(() => expect(delivered).toEqual([1, 2, 4]));
  });

  it('says reconnecting with the time data went stale, retries, and asks for a refetch', () => {
    const { live, onReconnect } = start();
    const seen: LiveStatus[] = [];
    live.subscribe((status) => seen.push(status));
    sockets[0]?.onopen?.();
    expect(live.status.kind).toBe('connected');
    const lostAt = Date.now();
    sockets[0]?.onclose?.();
    expect(live.status).toMatchObject({ kind: 'reconnecting', staleSince: lostAt, attempt: 1 });
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    sockets[1]?.onclose?.();
    expect(live.status).toMatchObject({ kind: 'reconnecting', staleSince: lostAt, attempt: 2 });
    vi.advanceTimersByTime(200);
    sockets[2]?.onopen?.();
    expect(live.status.kind).toBe('connected');
    expect(onReconnect).toHaveBeenCalledTimes(1);
    expect(seen.map((s) => s.kind)).toEqual(['connected', 'reconnecting', 'reconnecting', 'connected']);
  });

  it('dates the stale data from the last frame, not from when the loss was noticed', () => {
    const { live } = start();
    sockets[0]?.onopen?.();
    vi.advanceTimersByTime(1000);
    sockets[0]?.onmessage?.({ data: '{"n":1}' });
    const lastFrame = Date.now();
    vi.advanceTimersByTime(4000);
    sockets[0]?.onclose?.();
    expect(live.status).toMatchObject({ kind: 'reconnecting', staleSince: lastFrame });
  });

  it('gives up on a connection that stays open but silent, and reconnects', () => {
    const { live } = start();
    sockets[0]?.onopen?.();
    for (let second = 0; second < 20; second++) {
      vi.advanceTimersByTime(1000);
      sockets[0]?.onmessage?.({ data: '{"n":1}' });
    }
    expect(live.status.kind).toBe('connected');
    const lastFrame = Date.now();
    vi.advanceTimersByTime(9000);
    expect(live.status.kind).toBe('connected');
    vi.advanceTimersByTime(2000);
    expect(sockets[0]?.closed).toBe(true);
    expect(live.status).toMatchObject({ kind: 'reconnecting', staleSince: lastFrame });
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('signs out when the agent closes the feed with 4401 (its token was revoked)', () => {
    resetSession();
    start();
    sockets[0]?.onopen?.();
    sockets[0]?.onclose?.({ code: 1006 });
    expect(currentSession().state).toBe('unknown');
    vi.advanceTimersByTime(2000);
    expect(sockets).toHaveLength(2);
    sockets[1]?.onopen?.();
    sockets[1]?.onclose?.({ code: 4401 });
    expect(currentSession().state).toBe('signed-out');
  });

  it('stops reconnecting once stopped', () => {
    const { live } = start();
    live.stop();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });

  it('backs off exponentially up to the cap, with at most 25% jitter', () => {
    expect(backoffDelay(0, 500, 10_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 10_000, () => 1)).toBe(4000);
    expect(backoffDelay(10, 500, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(10, 500, 10_000, () => 0)).toBe(7500);
  });
});

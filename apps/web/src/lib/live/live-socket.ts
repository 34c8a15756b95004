// The one WebSocket to the agent, owned outside React. It knows nothing of the cache: it opens, parses
// every frame with the parser it was given, reconnects with capped exponential backoff, and reports its
// state (connected / reconnecting / stale since the last frame) to whoever subscribes. A connection that stays
// open but goes silent (the agent hangs, the network drops without a reset) counts as lost after `silenceMs`. Large frames can be checked
// off the main thread (checkOffThread); frames are still delivered strictly in the order they arrived.
import type { FrameCheck } from './frame-checker';
import { noteSessionStatus } from '../api/session-state';

export type LiveStatus =
  | { kind: 'connecting'; staleSince: null }
  | { kind: 'connected'; staleSince: null }
  | { kind: 'reconnecting'; staleSince: number; attempt: number; retryAt: number };

export interface LiveSocketOptions<M> {
  url: string;
  /** Throws on a frame that does not match the schema; such frames are dropped and reported (`rejected`). */
  parse: (data: unknown) => M;
  onMessage: (message: M) => void;
  /** Called on every successful (re)connection after the first, so callers can refetch what they missed. */
  onReconnect?: () => void;
  createSocket?: (url: string) => WebSocket;
  now?: () => number;
  /**
   * Checks text frames of at least `offThreadFromChars` against the schema elsewhere (a worker); such a frame
   * is then only JSON-parsed here, once. Without it every frame is parsed and checked on this thread.
   */
  checkOffThread?: FrameCheck | null;
  offThreadFromChars?: number;
  /** Backoff: base * 2^attempt, capped, with jitter. */
  backoff?: { baseMs: number; maxMs: number };
  /** No frame for this long on an open connection: drop it and reconnect. The agent samples every second. */
  silenceMs?: number;
}

/** Frames dropped because they failed validation: how many, and the kind (`type`) of the last one. */
export interface RejectedFrames {
  count: number;
  lastKind: string;
}

/** A frame's `type` as sent ("sample", ...), read without trusting the rest of it. */
function frameKind(data: unknown): string {
  if (typeof data !== 'string') return 'binary';
  return /"type"\s*:\s*"([\w-]{1,40})"/.exec(data.slice(0, 512))?.[1] ?? 'unreadable';
}

const DEFAULT_SILENCE_MS = 10_000;

export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(exponential * (0.75 + random() * 0.25));
}

export class LiveSocket<M> {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  /** When the last frame arrived: what the page shows is as old as that. */
  private lastFrameAt: number | null = null;
  private attempt = 0;
  private everConnected = false;
  private stopped = true;
  private readonly listeners = new Set<(status: LiveStatus) => void>();
  status: LiveStatus = { kind: 'connecting', staleSince: null };
  /** Schema drift must not look like a frozen dashboard: the app shows this (live-indicator). */
  rejected: RejectedFrames | null = null;
  private readonly rejectedListeners = new Set<() => void>();
  /** Frames waiting behind an off-thread check, so a later small frame never overtakes a large one. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(private readonly options: LiveSocketOptions<M>) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopWatchdog();
    this.socket?.close();
    this.socket = null;
  }

  subscribe(listener: (status: LiveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscribeRejected(listener: () => void): () => void {
    this.rejectedListeners.add(listener);
    return () => this.rejectedListeners.delete(listener);
  }

  get droppedFrames(): number {
    return this.rejected?.count ?? 0;
  }

  private reject(data: unknown): void {
    this.rejected = { count: this.droppedFrames + 1, lastKind: frameKind(data) };
    this.rejectedListeners.forEach((listener) => listener());
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    this.listeners.forEach((listener) => listener(status));
  }

  private open(): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    const socket = create(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.lastFrameAt = this.now();
      this.startWatchdog(socket);
      this.setStatus({ kind: 'connected', staleSince: null });
      if (this.everConnected) this.options.onReconnect?.();
      this.everConnected = true;
    };
    socket.onmessage = (event: MessageEvent) => {
      this.lastFrameAt = this.now();
      this.receive(event.data);
    };
    socket.onclose = (event?: CloseEvent) => {
      // 4401: the agent closed the feed because this session's token was revoked (a share link ended):
      // the sign-in screen, as for any 401, rather than reconnecting forever.
      if (event?.code === 4401) noteSessionStatus(401);
      if (this.socket === socket) this.scheduleReconnect();
    };
  }

  private startWatchdog(socket: WebSocket): void {
    this.stopWatchdog();
    const silenceMs = this.options.silenceMs ?? DEFAULT_SILENCE_MS;
    this.watchdog = setInterval(
      () => {
        if (this.socket !== socket || this.now() - (this.lastFrameAt ?? 0) < silenceMs) return;
        // A silent connection may take minutes to report its close: give up on it now.
        socket.onclose = null;
        socket.onmessage = null;
        socket.close();
        this.scheduleReconnect();
      },
      Math.min(1000, silenceMs),
    );
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private receive(data: unknown): void {
    const check = this.options.checkOffThread;
    const large = typeof data === 'string' && data.length >= (this.options.offThreadFromChars ?? 65_536);
    if (!check || (!large && this.queued === 0)) {
      this.parseAndDeliver(data);
      return;
    }
    this.queued += 1;
    this.queue = this.queue
      .then(async () => {
        const verdict = large ? await check(data) : 'unchecked';
        if (verdict === 'invalid') this.reject(data);
        // The worker ran the same schema over the same text: parsing it here once is all that is left.
        else if (verdict === 'valid') this.options.onMessage(JSON.parse(data as string) as M);
        else this.parseAndDeliver(data);
      })
      // One failing handler must not stop the frames queued behind it; report it like an event handler would.
      .catch((error: unknown) => reportError(error))
      .finally(() => {
        this.queued -= 1;
      });
  }

  private parseAndDeliver(data: unknown): void {
    let message: M;
    try {
      message = this.options.parse(typeof data === 'string' ? JSON.parse(data) : data);
    } catch {
      this.reject(data);
      return;
    }
    this.options.onMessage(message);
  }

  private scheduleReconnect(): void {
    this.socket = null;
    this.stopWatchdog();
    if (this.stopped) return;
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 500, maxMs: 10_000 };
    const delay = backoffDelay(this.attempt, baseMs, maxMs);
    const staleSince =
      this.status.kind === 'reconnecting' ? this.status.staleSince : (this.lastFrameAt ?? this.now());
    this.attempt += 1;
    this.setStatus({ kind: 'reconnecting', staleSince, attempt: this.attempt, retryAt: this.now() + delay });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, delay);
  }
}

/** ws:// or wss:// for the page's own origin. */
export function liveUrl(location: Location, path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

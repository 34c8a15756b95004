import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';

/** What the hub sees of a client: no socket, just a way to send a frame and a verdict on how it went. */
export interface LiveClient {
  readonly id: number;
  /**
   * Sends one JSON text frame, already UTF-8 encoded (encoded once for every client).
   * `skipped`: the client is behind and this droppable frame was not queued. `dropped`: too far behind, closed.
   */
  send(frame: Buffer, droppable: boolean): 'sent' | 'skipped' | 'dropped';
  close(code: number, reason: string): void;
}

export interface TransportLimits {
  /** Droppable frames (samples) are skipped while more than this many bytes wait to be written. */
  skipAboveBytes: number;
  /** A client with more than this many bytes waiting is disconnected, so memory stays bounded. */
  dropAboveBytes: number;
  /** Ping every this often; a client that has not answered the previous ping is cut (default 30 s). */
  heartbeatMs?: number;
  /** Ask the gate again this often for every open socket (default 2 s). */
  regateMs?: number;
}

/** Decides whether an upgrade may proceed; returns an HTTP status + reason to refuse it. */
export type UpgradeGate = (request: IncomingMessage) => { status: number; reason: string } | null;

/**
 * Wraps `ws`: accepts upgrades on one path behind a gate, and hands the hub LiveClients. This is the only
 * file in the live layer that imports `ws` or touches sockets.
 */
export class WsTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly clients = new Map<WebSocket, LiveClient>();
  private readonly alive = new WeakSet<WebSocket>();
  /** The upgrade request of each socket, to ask the gate again: a revoked token's sockets are closed. */
  private readonly requests = new WeakMap<WebSocket, IncomingMessage>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly regate: NodeJS.Timeout;
  private nextId = 1;

  constructor(
    private readonly path: string,
    private readonly gate: UpgradeGate,
    private readonly limits: TransportLimits,
    private readonly onClient: (client: LiveClient) => () => void,
  ) {
    // A peer that vanished without a FIN (cable, VM pause) would otherwise hold its queue until the byte bound.
    this.heartbeat = setInterval(() => this.checkAlive(), limits.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
    // A token revoked (a share link on a wall screen, say) must end its live feed too, not only its next
    // request: each socket's sign-in is checked again every 2 s, as cheap as one hash per socket.
    this.regate = setInterval(() => this.checkSignIn(), limits.regateMs ?? 2000);
    this.regate.unref();
  }

  private checkSignIn(): void {
    for (const ws of this.clients.keys()) {
      const request = this.requests.get(ws);
      const refusal = request ? this.gate(request) : null;
      // 4401: the application's own "unauthorized" (4000-4999 are free for applications).
      if (refusal?.status === 401) ws.close(4401, 'Unauthorized');
    }
  }

  private checkAlive(): void {
    for (const ws of this.clients.keys()) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }

  /** Listens for upgrades on `server`; other paths are refused with 404. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const refusal = url.pathname === this.path ? this.gate(request) : { status: 404, reason: 'Not Found' };
      if (refusal) {
        socket.end(
          `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        this.requests.set(ws, request);
        this.accept(ws);
      });
    });
  }

  get clientCount(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.regate);
    for (const ws of this.clients.keys()) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    const limits = this.limits;
    const client: LiveClient = {
      id: this.nextId++,
      send(frame, droppable) {
        if (ws.readyState !== WebSocket.OPEN) return 'dropped';
        // A sample the client has no room for is skipped: it is behind, not gone.
        if (droppable && ws.bufferedAmount > limits.skipAboveBytes) return 'skipped';
        // What is already waiting decides, not the new frame: one snapshot of a 1,000 x 10 table is ~4 MB
        // on its own. Memory stays bounded by the limit plus one frame per client.
        if (ws.bufferedAmount > limits.dropAboveBytes) {
          ws.terminate();
          return 'dropped';
        }
        ws.send(frame, { binary: false });
        return 'sent';
      },
      close(code, reason) {
        ws.close(code, reason);
      },
    };
    this.clients.set(ws, client);
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    const detach = this.onClient(client);
    ws.on('close', () => {
      this.clients.delete(ws);
      detach();
    });
    // Clients only listen; anything they send is ignored, and errors just end the connection.
    ws.on('error', () => ws.terminate());
  }
}

// The simulated connection table: creating connections (with persistence templates), ageing them through
// their states, and carrying their packets into the stats of service, real server and totals.
import type { Timeouts } from '@ipvs-dashboard/shared';
import type { SimDestination, SimService } from '../sim-state.js';
import type { Counters, StatsEstimator } from '../stats-estimator.js';
import { bindConnection, bindTemplate, deactivate, unbindConnection, unbindTemplate } from './dest-load.js';
import type { ConnProtocol, SimConnection, SimTemplate } from './sim-connection.js';
import { SCTP_CLOSED_MS, TIME_WAIT_MS } from './sim-connection.js';
import { EndSchedule } from './end-schedule.js';

export interface NewConnection {
  svc: SimService;
  dest: SimDestination;
  protocol: ConnProtocol;
  client: string;
  clientPort: number;
  virtualAddress: string;
  virtualPort: number;
  durationMs: number;
  planned: Counters;
  template: SimTemplate | null;
}

function zero(): Counters {
  return { conns: 0, inPackets: 0, outPackets: 0, inBytes: 0, outBytes: 0 };
}

/** Closed entries wait in one queue per protocol: the same timeout for all, so the queue is in expiry order. */
class ClosedQueue {
  private items: SimConnection[] = [];
  private head = 0;

  push(conn: SimConnection): void {
    this.items.push(conn);
  }

  /** Takes the entries from the front while `due` says they are due. */
  takeDue(due: (conn: SimConnection) => boolean): SimConnection[] {
    const taken: SimConnection[] = [];
    while (this.head < this.items.length && due(this.items[this.head] as SimConnection)) {
      taken.push(this.items[this.head++] as SimConnection);
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return taken;
  }

  removeWhere(matches: (conn: SimConnection) => boolean): SimConnection[] {
    const live = this.items.slice(this.head);
    this.items = live.filter((c) => !matches(c));
    this.head = 0;
    return live.filter(matches);
  }

  *[Symbol.iterator](): IterableIterator<SimConnection> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as SimConnection;
  }
}

export class ConnectionTable {
  /** Connections still carrying packets. */
  readonly sending = new Set<SimConnection>();
  /** The same by end time; entries another path removed from `sending` are skipped when they come due. */
  private readonly ending = new EndSchedule();
  private readonly closed: Record<ConnProtocol, ClosedQueue> = {
    TCP: new ClosedQueue(),
    UDP: new ClosedQueue(),
    SCTP: new ClosedQueue(),
  };
  readonly templates = new Map<string, SimTemplate>();

  constructor(
    private readonly totals: StatsEstimator,
    private readonly timeouts: () => Timeouts,
  ) {}

  private account(conn: SimConnection, delta: Partial<Counters>): void {
    conn.svc.stats.add(delta);
    conn.dest.stats.add(delta);
    this.totals.add(delta);
  }

  open(spec: NewConnection, now: number): SimConnection {
    const active = spec.protocol !== 'UDP';
    // Field by field, not `...spec`: a spread gave each connection a hidden class of its own, and every
    // carry of 20,000 open connections then missed its inline caches (row-copies.ts in shared says why).
    const conn: SimConnection = {
      svc: spec.svc,
      dest: spec.dest,
      protocol: spec.protocol,
      client: spec.client,
      clientPort: spec.clientPort,
      virtualAddress: spec.virtualAddress,
      virtualPort: spec.virtualPort,
      active,
      state: spec.protocol === 'UDP' ? 'UDP' : 'ESTABLISHED',
      startedAt: now,
      endsAt: now + spec.durationMs,
      closedAt: Number.POSITIVE_INFINITY,
      planned: spec.planned,
      carried: zero(),
      template: spec.template,
    };
    bindConnection(spec.dest, active);
    if (spec.template) spec.template.controlled++;
    this.account(conn, { conns: 1 });
    this.sending.add(conn);
    this.ending.add(conn);
    return conn;
  }

  /**
   * One-packet scheduling (-o, UDP only): the kernel schedules every datagram on its own and frees the
   * entry at once (IP_VS_CONN_F_ONE_PACKET), so it is counted but never listed.
   */
  passOnePacket(spec: NewConnection): void {
    const { planned } = spec;
    for (const stats of [spec.svc.stats, spec.dest.stats, this.totals]) {
      stats.add({ conns: 1 });
      stats.addTraffic(planned.inPackets, planned.outPackets, planned.inBytes, planned.outBytes);
    }
  }

  /** A persistence template for (service, masked client, vport), reused while valid (ip_vs_sched_persist). */
  findTemplate(key: string, expireQuiescent: boolean): SimTemplate | null {
    const template = this.templates.get(key);
    if (!template) return null;
    // ip_vs_check_template: a deleted server, or a quiesced one with expire_quiescent_template, ends it.
    if (template.dest.available && !(expireQuiescent && template.dest.settings.weight === 0)) return template;
    this.dropTemplate(key, template);
    return null;
  }

  addTemplate(key: string, template: SimTemplate): void {
    bindTemplate(template.dest);
    this.templates.set(key, template);
  }

  private dropTemplate(key: string, template: SimTemplate): void {
    this.templates.delete(key);
    unbindTemplate(template.dest);
  }

  /** Every entry: open connections, closed ones, in no particular order. */
  *connections(): IterableIterator<SimConnection> {
    yield* this.sending;
    for (const queue of Object.values(this.closed)) yield* queue;
  }

  /** Seconds a closed entry stays: TIME_WAIT, SCTP CLOSED, or the UDP timeout after the last datagram. */
  lingerMs(protocol: ConnProtocol): number {
    if (protocol === 'TCP') return TIME_WAIT_MS;
    if (protocol === 'SCTP') return SCTP_CLOSED_MS;
    return this.timeouts().udp * 1000;
  }

  /**
   * Moves every entry on to `now`: closes, expiries, and with `publish` packets carried pro rata. Packets
   * only need carrying when the estimator is about to sum the counters (nothing else reads them), or when a
   * connection ends: walking every open connection's counters every step cost the agent more than its feed.
   * Carried amounts are cumulative (planned x share of the lifetime), so fewer carries add up the same.
   */
  age(now: number, publish: boolean): void {
    for (const conn of this.ending.takeDue(now)) {
      if (!this.sending.has(conn)) continue;
      this.carry(conn, now);
      this.close(conn, now);
    }
    if (publish) this.carryAll(now);
    for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
      const linger = this.lingerMs(protocol);
      for (const conn of this.closed[protocol].takeDue((c) => now >= c.closedAt + linger)) this.release(conn);
    }
    for (const [key, template] of this.templates) {
      if (now < template.expiresAt) continue;
      // A template with live connections is re-armed for another timeout (ip_vs_conn_expire, n_control).
      if (template.controlled > 0) template.expiresAt = now + template.svc.persistence * 1000;
      else this.dropTemplate(key, template);
    }
  }

  /** Carries every open connection's packets up to `now`, e.g. before a real server stops counting. */
  carryAll(now: number): void {
    for (const conn of this.sending) this.carry(conn, now);
  }

  private carry(conn: SimConnection, now: number): void {
    // A deleted real server's packets are dropped (expire_nodest_conn 0): nothing is counted meanwhile.
    if (!conn.dest.available) return;
    const share = Math.min(1, (now - conn.startedAt) / Math.max(1, conn.endsAt - conn.startedAt));
    const { planned: p, carried: c } = conn;
    const inPackets = Math.round(p.inPackets * share) - c.inPackets;
    const outPackets = Math.round(p.outPackets * share) - c.outPackets;
    const inBytes = Math.round(p.inBytes * share) - c.inBytes;
    const outBytes = Math.round(p.outBytes * share) - c.outBytes;
    if (inPackets + outPackets + inBytes + outBytes === 0) return;
    c.inPackets += inPackets;
    c.outPackets += outPackets;
    c.inBytes += inBytes;
    c.outBytes += outBytes;
    for (const stats of [conn.svc.stats, conn.dest.stats, this.totals]) {
      stats.addTraffic(inPackets, outPackets, inBytes, outBytes);
    }
  }

  private close(conn: SimConnection, now: number): void {
    this.sending.delete(conn);
    conn.closedAt = now;
    this.closed[conn.protocol].push(conn);
    if (conn.protocol === 'UDP') return;
    conn.active = false;
    deactivate(conn.dest);
    conn.state = conn.protocol === 'TCP' ? 'TIME_WAIT' : 'CLOSED';
  }

  private release(conn: SimConnection): void {
    unbindConnection(conn.dest, conn.active);
    if (conn.template) conn.template.controlled--;
  }

  /** expire_nodest_conn: entries of a deleted real server go at once (the kernel: at their next packet). */
  expireUnavailable(): void {
    for (const conn of this.sending) {
      if (conn.dest.available) continue;
      this.sending.delete(conn);
      this.release(conn);
    }
    for (const queue of Object.values(this.closed)) {
      for (const conn of queue.removeWhere((c) => !c.dest.available)) this.release(conn);
    }
  }
}

// The simulated traffic: on a clock someone else advances, new connections arrive at each service's rate,
// its scheduler picks a real server (through a persistence template when the service is persistent), the
// connections carry packets both ways and age out; every 2 s of simulated time the kernel estimator runs.
import { IP_VS_SVC_F_ONEPACKET } from '@ipvs-dashboard/shared';
import { addressWords, parseIpAddress } from '@ipvs-dashboard/shared';
import type { Timeouts } from '@ipvs-dashboard/shared';
import type { SimDestination, SimService } from '../sim-state.js';
import type { SimTable } from '../sim-table.js';
import type { StatsEstimator } from '../stats-estimator.js';
import { ESTIMATOR_PERIOD_MS } from '../stats-estimator.js';
import { createScheduler } from '../schedulers/index.js';
import type { ScheduleRequest, Scheduler } from '../schedulers/index.js';
import { maskClient, simulatedClient } from './clients.js';
import { ConnectionTable } from './connection-table.js';
import type { Random } from './random.js';
import { around } from './random.js';
import type { ConnProtocol, SimTemplate } from './sim-connection.js';
import { DEFAULT_PROFILE } from './traffic-profile.js';
import type { TrafficProfile } from './traffic-profile.js';

/** Simulation step: fine enough for per-second charts, coarse enough to stay cheap. */
export const STEP_MS = 100;
/** Rates swing over this period when a profile has variation. */
const SWING_PERIOD_MS = 60_000;

interface ServiceRuntime {
  scheduler: Scheduler;
  builtForScheduler: string;
  builtForRevision: number;
  pending: number;
  phase: number;
}

export interface TrafficEnvironment {
  table: SimTable;
  totals: StatsEstimator;
  timeouts: () => Timeouts;
  expireQuiescentTemplate: () => boolean;
  expireNodestConn: () => boolean;
  random: Random;
}

export class TrafficModel {
  readonly conns: ConnectionTable;
  private readonly profiles = new Map<string, TrafficProfile>();
  private readonly runtimes = new Map<SimService, ServiceRuntime>();
  private time: number;
  private nextEstimate: number;

  constructor(
    private readonly env: TrafficEnvironment,
    start: number,
  ) {
    this.conns = new ConnectionTable(env.totals, env.timeouts);
    this.time = start;
    this.nextEstimate = start + ESTIMATOR_PERIOD_MS;
  }

  get now(): number {
    return this.time;
  }

  /** Sets (or with null removes) the traffic of a service by id; others get DEFAULT_PROFILE. */
  setProfile(serviceId: string, profile: TrafficProfile | null): void {
    if (profile) this.profiles.set(serviceId, profile);
    else this.profiles.delete(serviceId);
  }

  profileOf(svc: SimService): TrafficProfile {
    return this.profiles.get(svc.id) ?? DEFAULT_PROFILE;
  }

  /** Jumps to `time` without simulating the gap (after the host slept): entries then age out at once. */
  skipTo(time: number): void {
    if (time <= this.time) return;
    this.time = time;
    this.nextEstimate = time + ESTIMATOR_PERIOD_MS;
  }

  /** Runs the simulation up to `time` (ms) in STEP_MS steps. */
  advanceTo(time: number): void {
    while (this.time + STEP_MS <= time) {
      this.time += STEP_MS;
      this.step();
    }
  }

  private step(): void {
    const now = this.time;
    for (const svc of this.env.table.all()) this.arrivals(svc, now);
    const estimate = now >= this.nextEstimate;
    this.conns.age(now, estimate);
    if (estimate) {
      this.nextEstimate += ESTIMATOR_PERIOD_MS;
      this.estimateAll();
    }
  }

  private estimateAll(): void {
    for (const svc of this.env.table.all()) {
      // Marks what snapshots must look at again (snapshot-rows.ts); idle rows stay as they are.
      if (svc.stats.estimate()) svc.moved = true;
      for (const dest of svc.destinations) if (dest.stats.estimate()) dest.moved = true;
    }
    this.env.totals.estimate();
  }

  private runtimeOf(svc: SimService): ServiceRuntime {
    let runtime = this.runtimes.get(svc);
    if (!runtime) {
      runtime = {
        scheduler: createScheduler(svc),
        builtForScheduler: svc.scheduler,
        builtForRevision: svc.revision,
        pending: 0,
        phase: this.env.random() * 2 * Math.PI,
      };
      this.runtimes.set(svc, runtime);
    } else if (runtime.builtForScheduler !== svc.scheduler || runtime.builtForRevision !== svc.revision) {
      runtime.scheduler = createScheduler(svc);
      runtime.builtForScheduler = svc.scheduler;
      runtime.builtForRevision = svc.revision;
    }
    return runtime;
  }

  private arrivals(svc: SimService, now: number): void {
    const profile = this.profileOf(svc);
    const runtime = this.runtimeOf(svc);
    const swing = 1 + profile.variation * Math.sin((2 * Math.PI * now) / SWING_PERIOD_MS + runtime.phase);
    // Counted in thousandths of a connection so that whole rates add up exactly (no 0.1 + 0.1 + ... drift).
    runtime.pending += profile.connectionsPerSecond * Math.max(0, swing) * STEP_MS;
    while (runtime.pending >= 1000) {
      runtime.pending -= 1000;
      this.connect(svc, profile, runtime.scheduler, now);
    }
  }

  private connect(svc: SimService, profile: TrafficProfile, scheduler: Scheduler, now: number): void {
    const random = this.env.random;
    const client = simulatedClient(svc.family, Math.floor(random() * Math.max(1, profile.clients)));
    const clientPort = 1024 + Math.floor(random() * 64512);
    const target = this.targetOf(svc, profile);
    const request: ScheduleRequest = {
      clientWords: client.words,
      clientPort,
      virtualWords: target.words,
      virtualKey: target.address,
      now,
    };
    let template: SimTemplate | null = null;
    let dest: SimDestination | null;
    if (svc.persistence > 0) {
      const masked = maskClient(client, svc.family, svc.netmask);
      const vport = svc.key.protocol === 'fwmark' ? 0 : svc.key.port;
      const key = `${svc.id}|${masked}|${vport}`;
      template = this.conns.findTemplate(key, this.env.expireQuiescentTemplate());
      dest = template?.dest ?? scheduler.pick(request);
      if (dest && template) template.expiresAt = now + svc.persistence * 1000;
      if (dest && !template) {
        template = {
          svc,
          dest,
          client: masked,
          virtualAddress: target.address,
          virtualPort: vport,
          expiresAt: now + svc.persistence * 1000,
          controlled: 0,
        };
        this.conns.addTemplate(key, template);
      }
    } else {
      dest = scheduler.pick(request);
    }
    // No server: the kernel lets the packet go on (or drops it); nothing is counted.
    if (!dest) return;
    const directReturn = dest.settings.forwarding !== 'masq';
    const spec = {
      svc,
      dest,
      protocol: target.protocol,
      client: client.address,
      clientPort,
      virtualAddress: target.address,
      virtualPort: target.port,
      durationMs: around(random, profile.meanDurationSeconds * 1000, 0.8),
      planned: {
        conns: 0,
        inPackets: Math.max(1, Math.round(around(random, profile.packetsIn))),
        inBytes: Math.round(around(random, profile.bytesIn)),
        // Route and tunnel servers answer the client directly: the director never sees the replies.
        outPackets: directReturn ? 0 : Math.max(1, Math.round(around(random, profile.packetsOut))),
        outBytes: directReturn ? 0 : Math.round(around(random, profile.bytesOut)),
      },
      template,
    };
    // A down server refuses: one packet in, a reset back, over at once (drawn as usual above, so the
    // random sequence of every other connection stays the same).
    if (dest.failing) {
      spec.durationMs = 0;
      spec.planned = {
        conns: 0,
        inPackets: 1,
        inBytes: 60,
        outPackets: directReturn ? 0 : 1,
        outBytes: directReturn ? 0 : 40,
      };
    }
    if (target.protocol === 'UDP' && (svc.flagBits & IP_VS_SVC_F_ONEPACKET) !== 0)
      this.conns.passOnePacket(spec);
    else this.conns.open(spec, now);
  }

  private targetOf(
    svc: SimService,
    profile: TrafficProfile,
  ): { protocol: ConnProtocol; address: string; port: number; words: readonly number[] } {
    const key = svc.key;
    const target =
      key.protocol !== 'fwmark'
        ? key
        : (profile.target ?? {
            protocol: 'tcp' as const,
            address: key.family === 'inet' ? '192.0.2.1' : '2001:db8::1',
            port: 80,
          });
    const parsed = parseIpAddress(target.address);
    return {
      protocol: target.protocol.toUpperCase() as ConnProtocol,
      address: target.address,
      port: target.port,
      words: parsed ? addressWords(parsed) : [0, 0, 0, 0],
    };
  }

  /**
   * Carries every open connection's packets up to now. Call it before deleting a service or real server:
   * what was carried until then still counts, and from then on a deleted server's packets are dropped.
   */
  settle(): void {
    this.conns.carryAll(this.time);
  }

  /**
   * A service or real server was deleted. Its connections stay until they time out, as in the kernel, and
   * go at once with expire_nodest_conn; its persistence templates fail their next check.
   */
  forget(svc: SimService | null): void {
    if (svc) this.runtimes.delete(svc);
    if (this.env.expireNodestConn()) this.conns.expireUnavailable();
  }
}

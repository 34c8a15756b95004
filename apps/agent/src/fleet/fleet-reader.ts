// GET /api/v1/fleet: reads every director at once (the local one from memory, each peer by its GET /summary with a short
// deadline each), so the answer takes as long as the slowest peer's deadline at worst, and a dead peer is a
// row with its reason rather than an error for the whole fleet. Concurrent callers share one round.
import { z } from 'zod';
import {
  directorSummarySchema,
  healthStatusSchema,
  holdSchema,
  infoResponseSchema,
  summariseTable,
  vrrpSummary,
  type DirectorSummary,
  type FleetDirectorStatus,
  type FleetResponse,
} from '@ipvs-dashboard/shared';
import type { FleetPeer, FleetSettings } from '../config/fleet-file.js';
import { answerJson, PeerError, peerGet, peerJson } from './peer-request.js';

// An agent from before GET /summary is read the old way: its /info and its whole table, of which only what
// the counts need is checked (a newer peer may add fields, and 11,000 rows parse fast this way).
const peerInfoSchema = infoResponseSchema.pick({ backend: true, version: true, owners: true });
const peerTableSchema = z.array(
  z.object({
    destinations: z.array(
      z.object({ holds: z.array(holdSchema).optional(), health: healthStatusSchema.optional() }),
    ),
  }),
);

export interface FleetReaderOptions {
  settings: FleetSettings;
  local: () => Promise<DirectorSummary>;
  /** Per peer request; default 2,000 ms. */
  timeoutMs?: number;
  now?: () => number;
}

export class FleetReader {
  readonly settings: FleetSettings;
  readonly timeoutMs: number;
  private readonly local: () => Promise<DirectorSummary>;
  private readonly now: () => number;
  private round: Promise<FleetResponse> | null = null;

  constructor(options: FleetReaderOptions) {
    this.settings = options.settings;
    this.local = options.local;
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.now = options.now ?? Date.now;
  }

  peer(name: string): FleetPeer | undefined {
    return this.settings.peers.find((peer) => peer.name === name);
  }

  /** Every director, the local one first, then the peers in the file's order. */
  status(): Promise<FleetResponse> {
    this.round ??= this.readAll().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async readAll(): Promise<FleetResponse> {
    const { self, peers } = this.settings;
    const directors = await Promise.all([
      this.summarise({ name: self.name, pair: self.pair, site: self.site, url: null }, () => this.local()),
      ...peers.map((peer) =>
        this.summarise({ name: peer.name, pair: peer.pair, site: peer.site, url: peer.url }, () =>
          this.readPeer(peer),
        ),
      ),
    ]);
    return { self: self.name, directors };
  }

  private async readPeer(peer: FleetPeer): Promise<DirectorSummary> {
    const options = { timeoutMs: this.timeoutMs };
    const answer = await peerGet(peer, '/api/v1/summary', options);
    if (answer.status === 404) return this.readOlderPeer(peer);
    const summary = directorSummarySchema.safeParse(answerJson(peer, '/api/v1/summary', answer));
    if (!summary.success) throw unreadable(peer);
    return summary.data;
  }

  private async readOlderPeer(peer: FleetPeer): Promise<DirectorSummary> {
    const options = { timeoutMs: this.timeoutMs };
    const [info, table] = await Promise.all([
      peerJson(peer, '/api/v1/info', options),
      peerJson(peer, '/api/v1/services', options),
    ]);
    const parsedInfo = peerInfoSchema.safeParse(info);
    const parsedTable = peerTableSchema.safeParse(table);
    if (!parsedInfo.success || !parsedTable.success) throw unreadable(peer);
    return { ...parsedInfo.data, ...summariseTable(parsedTable.data) };
  }

  private async summarise(
    who: Pick<FleetDirectorStatus, 'name' | 'pair' | 'site' | 'url'>,
    read: () => Promise<DirectorSummary>,
  ): Promise<FleetDirectorStatus> {
    const started = this.now();
    const base = { ...who, local: who.url === null };
    try {
      const reading = await read();
      const vrrp = reading.owners.flatMap((owner) => owner.vrrp.map((instance) => instance.state));
      return {
        ...base,
        reachable: true,
        error: null,
        backend: reading.backend,
        version: reading.version,
        services: reading.services,
        realServers: reading.realServers,
        servers: reading.servers,
        vrrp: vrrpSummary(vrrp),
        latencyMs: this.now() - started,
        checkedAt: started,
      };
    } catch (error) {
      return {
        ...base,
        reachable: false,
        error: error instanceof Error ? error.message : String(error),
        backend: null,
        version: null,
        services: null,
        realServers: null,
        servers: null,
        vrrp: null,
        latencyMs: this.now() - started,
        checkedAt: started,
      };
    }
  }
}

function unreadable(peer: FleetPeer): PeerError {
  return new PeerError(
    `${peer.url} answered in a shape this agent does not read (another version of ipvs-dashboard?)`,
  );
}

import type { Server } from 'node:http';
import type { Hold } from '@ipvs-dashboard/shared';
import {
  Alerts,
  drainFinishedAlert,
  externalChangeAlert,
  healthAlert,
  interruptedChangeAlert,
} from '../alerts/index.js';
import { throttleRepeats } from '../common/throttle-repeats.js';
import type { AgentConfig } from '../config/index.js';
import { followOutsideChanges, openChanges } from '../changes/index.js';
import { HealthMonitor, probeFor, type Probe } from '../health/index.js';
import { openDrainTracker, type DrainTracker } from '../drain/index.js';
import { RowStatus, describeHoldsAtStart, reconcileAtStart } from '../holds/index.js';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import { LiveHub, TableMonitor, WsTransport, type TransportLimits } from '../live/index.js';
import { FleetReader, localDirector } from '../fleet/index.js';
import { TableOwners } from '../owners/index.js';
import { longHistoryFor } from '../prometheus/index.js';
import {
  SlowStart,
  SorryServers,
  describeRampsAtStart,
  followReturns,
  resumeRamps,
  returnSource,
} from '../policy/index.js';
import {
  CallerDirectory,
  CheckStore,
  HoldStore,
  PolicyStore,
  RampStore,
  loadOrCreateToken,
} from '../state/index.js';
import { allowedHostsFor, checkUpgrade, type AccessPolicy } from './access-guard.js';
import type { AgentContext, ConfigTextFormat } from './agent-context.js';
import { createApp } from './create-app.js';
import { SessionStore, generateToken } from './session-store.js';
import { startServer } from './start-server.js';

export interface AgentServerOptions {
  config: AgentConfig;
  backend: IpvsBackend;
  backendReason: string | null;
  configText: ConfigTextFormat;
  log: (message: string, error?: unknown) => void;
  /** Default: 15 minutes of history. */
  historyWindowMs?: number;
  limits?: TransportLimits;
  /** Default: detected on the host with the kernel backend, none with the simulated one. */
  owners?: TableOwners;
  /** How health checks reach a real server; default: the network (kernel) or the traffic model (simulated). */
  probe?: Probe;
  /**
   * Holds the caller vouches for, placed before the holds are reconciled with the table (unless the store
   * already has one for that server): the simulated demo's quiesced server, so it is a held server with a
   * weight to give back, not "weight 0 set outside the agent".
   */
  knownHolds?: readonly KnownHold[];
}

export interface KnownHold {
  service: string;
  destination: string;
  weight: number;
  hold: Hold;
}

export interface AgentServer {
  server: Server;
  port: number;
  token: string;
  monitor: TableMonitor;
  hub: LiveHub;
  transport: WsTransport;
  health: HealthMonitor;
  checks: CheckStore;
  slowStart: SlowStart;
  sorry: SorryServers;
  /** `alerts.notify(event)`: the log line and the webhooks (the drain tracker reports to it too). */
  alerts: Alerts;
  /** The running drains; `onDrainFinished` is where alerts learn that one ended. */
  drains: DrainTracker;
  close(): Promise<void>;
}

/** 256 KiB of unsent frames skips samples; 4 MiB (tens of full snapshots) disconnects the client. */
const defaultLimits: TransportLimits = { skipAboveBytes: 256 * 1024, dropAboveBytes: 4 * 1024 * 1024 };

/** Assembles poller, live fan-out, REST app and server, and starts them. main.ts and tests both use it. */
export async function startAgentServer(options: AgentServerOptions): Promise<AgentServer> {
  const { config, backend, log } = options;
  const token = config.token ?? (await loadOrCreateToken(config.stateDir, generateToken));
  const monitor = new TableMonitor(backend, {
    intervalMs: config.intervalMs,
    historyWindowMs: options.historyWindowMs ?? 15 * 60 * 1000,
    onError: throttleRepeats((error) => log('reading the IPVS table failed', error)),
  });
  const holds = await HoldStore.open(config.stateDir);
  const checks = await CheckStore.open(config.stateDir);
  const policies = await PolicyStore.open(config.stateDir);
  const ramps = await RampStore.open(config.stateDir);
  const alerts = new Alerts({ settings: config.webhooks, log: (message) => log(message) });
  const { journal, changes, pipeline } = await openChanges({
    stateDir: config.stateDir,
    backend,
    monitor,
    log,
    onInterrupted: (change) => alerts.notify(interruptedChangeAlert(change)),
  });
  const owners = options.owners ?? new TableOwners(backend.kind === 'kernel');
  followOutsideChanges(
    monitor,
    changes,
    { holds, checks, policies },
    () => owners.current(1000),
    (record) => alerts.notify(externalChangeAlert(record)),
    (error) => log('recording a change failed', error),
  );
  const status = new RowStatus(holds);
  const slowStart = new SlowStart({ backend, pipeline, log: changes, ramps, policies, report: log });
  monitor.subscribe((event) => slowStart.follow(event));
  const health = new HealthMonitor({
    pipeline,
    holds,
    returns: slowStart,
    checks,
    probe: options.probe ?? probeFor(backend),
    log,
    onTransition: (transition) => {
      const event = healthAlert(transition);
      if (event) alerts.notify(event);
    },
  });
  status.useHealth(health);
  const drains = await openDrainTracker({ pipeline, holds, log }, config.stateDir, monitor);
  status.useDrains(drains);
  drains.onDrainFinished((finished) => {
    const event = drainFinishedAlert(finished);
    if (event) alerts.notify(event);
  });
  const sorry = new SorryServers({ pipeline, monitor, policies, holds, health, report: log });
  status.useReturns(returnSource(slowStart, sorry, policies, monitor));
  const callers = await CallerDirectory.open(config.stateDir, token);
  const policy: AccessPolicy = {
    callers,
    sessions: new SessionStore(token),
    allowedHosts: allowedHostsFor(config.listen.host, config.allowedHosts),
    acceptIpLiterals: config.listen.host === '0.0.0.0' || config.listen.host === '::',
  };
  const director = localDirector({
    backend,
    owners,
    table: () => monitor.current?.table ?? [],
    countServers: (table) => status.countServers(table),
  });
  const context: AgentContext = {
    backend,
    monitor,
    holds,
    status,
    checks,
    health,
    drains,
    holdsAtStart: undefined,
    policies,
    returns: slowStart,
    sorry,
    rampsAtStart: undefined,
    pipeline,
    journal,
    changes,
    backendReason: options.backendReason,
    intervalMs: config.intervalMs,
    configText: options.configText,
    metricFamilies: config.metricFamilies,
    owners,
    alerts,
    longHistory: longHistoryFor(config.prometheus),
    director,
    fleet: config.fleet ? new FleetReader({ settings: config.fleet, local: director }) : null,
  };
  const app = createApp({ context, policy, webDir: config.webDir, tls: config.tls !== null, log });
  await monitor.start();
  const table = monitor.current?.table ?? [];
  for (const known of options.knownHolds ?? []) {
    const key = HoldStore.key(known.service, known.destination);
    if (!holds.get(key)) await holds.place(key, known.weight, known.hold);
  }
  context.holdsAtStart = await reconcileAtStart(table, holds);
  for (const line of describeHoldsAtStart(context.holdsAtStart)) log(line);
  for (const line of await drains.resume(table)) log(line);
  context.rampsAtStart = await resumeRamps(table, ramps, slowStart);
  for (const line of describeRampsAtStart(context.rampsAtStart)) log(line);
  followReturns({ monitor, sorry, health, checks, policies, holds });
  const hub = new LiveHub(monitor, config.intervalMs, backend.kind, status);
  const transport = new WsTransport(
    '/api/v1/live',
    (request) => {
      const error = checkUpgrade(policy, request);
      return error
        ? { status: error.status, reason: error.status === 401 ? 'Unauthorized' : 'Forbidden' }
        : null;
    },
    options.limits ?? defaultLimits,
    hub.connect,
  );
  const { server, port } = await startServer(app, config.listen, config.tls);
  transport.attach(server);
  return {
    server,
    port,
    token,
    monitor,
    hub,
    transport,
    health,
    checks,
    slowStart,
    sorry,
    alerts,
    drains,
    async close() {
      health.stop();
      slowStart.stop();
      sorry.stop();
      alerts.stop();
      monitor.stop();
      callers.close();
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

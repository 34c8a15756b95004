import type { Server } from 'node:http';
import type { Hold } from '@ipvs-dashboard/shared';
import {
  Alerts,
  drainDoneAlert,
  externalChangeAlert,
  healthAlert,
  interruptedChangeAlert,
} from '../alerts/index.js';
import type { AgentConfig } from '../config/index.js';
import {
  ChangeJournal,
  ChangeLog,
  ChangePipeline,
  followCheckSettings,
  followHoldMemory,
  followPolicies,
  recordExternalChanges,
} from '../changes/index.js';
import {
  HealthMonitor,
  hasSimulatedChecks,
  networkProbe,
  simulatedProbe,
  type Probe,
} from '../health/index.js';
import { DrainTracker } from '../drain/index.js';
import { RowStatus, describeHoldsAtStart, reconcileAtStart } from '../holds/index.js';
import type { IpvsBackend } from '../ipvs/backend/backend.js';
import { LiveHub, TableMonitor, WsTransport, type TransportLimits } from '../live/index.js';
import { FleetReader } from '../fleet/index.js';
import { TableOwners } from '../owners/index.js';
import { LongHistory, PrometheusClient } from '../prometheus/index.js';
import { SlowStart, SorryServers, describeRampsAtStart, resumeRamps, returnSource } from '../policy/index.js';
import {
  CallerDirectory,
  CheckStore,
  DrainStore,
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

/** Logs a repeated failure once a minute, not every interval (a dead kernel link would flood the log). */
function throttleRepeats(report: (error: unknown) => void): (error: unknown) => void {
  let last = '';
  let lastAt = 0;
  return (error) => {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (text === last && Date.now() - lastAt < 60_000) return;
    report(error);
    last = text;
    lastAt = Date.now();
  };
}

/** The kernel's checks go over the network; the simulated backend's never do (its traffic model answers). */
function probeFor(backend: IpvsBackend): Probe {
  if (backend.kind !== 'simulated') return networkProbe;
  if (hasSimulatedChecks(backend)) return simulatedProbe(backend);
  return () => Promise.resolve({ ok: false, detail: 'this simulated backend cannot answer checks' });
}

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
  const journal = await ChangeJournal.open(config.stateDir);
  for (const { header, applied } of journal.unfinished()) {
    log(
      `INTERRUPTED CHANGE ${header.id}: "${header.summary}" was being applied when the agent stopped (${applied} of ${header.total} steps recorded). The table may be half-changed: POST /api/v1/changes/${header.id}/rollback or /resume, or use the banner in the web app.`,
    );
    alerts.notify(interruptedChangeAlert({ ...header, applied }));
  }
  const changes = await ChangeLog.open({ dir: config.stateDir, announce: (line) => console.log(line) });
  const pipeline = new ChangePipeline({ backend, monitor, journal, log: changes });
  const reportError = (error: unknown) => log('recording a change failed', error);
  const owners = options.owners ?? new TableOwners(backend.kind === 'kernel');
  monitor.subscribe(
    recordExternalChanges(
      changes,
      reportError,
      () => owners.current(1000),
      (record) => alerts.notify(externalChangeAlert(record)),
    ),
  );
  monitor.subscribe(followHoldMemory(holds, reportError));
  monitor.subscribe(followCheckSettings(checks, reportError));
  monitor.subscribe(followPolicies(policies, reportError));
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
  const drains = new DrainTracker({ pipeline, holds, drains: await DrainStore.open(config.stateDir), log });
  status.useDrains(drains);
  drains.onDrainFinished((finished) => {
    // Cancelled or removed by another path: nobody is waiting for "drained" then.
    if (finished.outcome === 'cancelled' || finished.outcome === 'gone') return;
    alerts.notify(
      drainDoneAlert(finished.service, finished.server, {
        then: finished.then,
        reason: finished.outcome === 'deadline' ? 'deadline' : 'empty',
        remaining: finished.connectionsLeft,
        startedAt: Date.now() - finished.seconds * 1000,
      }),
    );
  });
  // Every reading, before the live hub builds its sample from it, so the sample carries the new progress.
  monitor.subscribe((event) => {
    if (event.type === 'snapshot') drains.follow(event.reading.table, event.reading.at);
    if (event.type === 'sample' && monitor.current) drains.follow(monitor.current.table, monitor.current.at);
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
    longHistory: config.prometheus
      ? new LongHistory(new PrometheusClient(config.prometheus.url), config.prometheus.selector)
      : null,
    fleet: null,
  };
  if (config.fleet) {
    // The local director is read from memory, never over HTTP: no token, no hop, no deadline to miss.
    context.fleet = new FleetReader({
      settings: config.fleet,
      local: async () => {
        const [info, owned] = await Promise.all([backend.info(), owners.current()]);
        const table = status.decorateTable(monitor.current?.table ?? []);
        return { backend: backend.kind, version: info.version, owners: owned, table };
      },
    });
  }
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
  // Sorry servers are not checked: they stand in while the checked ones are down (keepalived alike).
  const syncHealth = () => health.sync(sorry.withoutSorry(monitor.current?.table ?? []));
  syncHealth();
  monitor.subscribe((event) => {
    if (event.type === 'snapshot') {
      syncHealth();
      sorry.schedule();
    }
  });
  checks.subscribe(syncHealth);
  policies.subscribe(() => {
    syncHealth();
    sorry.schedule();
  });
  holds.subscribe(() => sorry.schedule());
  health.subscribe(() => sorry.schedule());
  sorry.schedule();
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

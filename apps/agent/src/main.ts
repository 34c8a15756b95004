#!/usr/bin/env -S node --max-semi-space-size=32
// The agent's entry point and the one place that wires the layers together: flags -> config -> backend
// -> poller, REST, WebSocket -> listening server. Everything else is importable and testable on its own.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, destinationId, serviceId } from '@ipvs-dashboard/shared';
import { hasNetAdmin, parseCommandLine, runTokenCommand, selectBackend, usage } from './cli/index.js';
import { isLoopbackHost, resolveConfig, urlHostPort, type AgentConfig } from './config/index.js';
import { limitHeapGrowth } from './common/heap-growth.js';
import { startAgentServer } from './http/agent-server.js';
import { ipvsadmConfigText } from './http/restore/ipvsadm-config-text.js';
import { KernelBackend } from './ipvs/index.js';
import {
  createDemoTable,
  DEMO_CHECK,
  DEMO_QUIESCED,
  DEMO_QUIESCED_WEIGHT,
  DEMO_WEB,
  SimulatedBackend,
  startDemoOutage,
} from './simulated/index.js';

const here = dirname(fileURLToPath(import.meta.url));

function log(message: string, error?: unknown): void {
  const detail =
    error === undefined
      ? ''
      : `: ${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)}`;
  console.error(`${new Date().toISOString()} ${message}${detail}`);
}

function defaultStateDir(): string {
  return join(process.env.XDG_STATE_HOME ?? join(homedir(), '.local/state'), 'ipvs-dashboard');
}

function loginUrl(config: AgentConfig, port: number, token: string): string {
  const host =
    config.listen.host === '0.0.0.0' || config.listen.host === '::' ? 'localhost' : config.listen.host;
  return `${config.tls ? 'https' : 'http'}://${urlHostPort(host, port)}/?token=${encodeURIComponent(token)}`;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'token') {
    // The state directory from the environment, as the agent would take it; --state-dir is the subcommand's.
    const fromEnv = parseCommandLine([], process.env);
    const stateDir = (fromEnv.help ? undefined : fromEnv.settings.stateDir) ?? defaultStateDir();
    process.stdout.write(await runTokenCommand(argv.slice(1), stateDir));
    return 0;
  }
  const commandLine = parseCommandLine(argv, process.env);
  if (commandLine.help) {
    process.stdout.write(usage);
    return 0;
  }
  const config = resolveConfig(commandLine.settings, {
    stateDir: defaultStateDir(),
    webDir: join(here, '../../web/dist'),
  });
  limitHeapGrowth();
  const { backend, reason } = await selectBackend(config.backend, {
    openKernel: () => Promise.resolve(KernelBackend.open()),
    openSimulated: () => new SimulatedBackend(),
    hasNetAdmin: () => hasNetAdmin(),
  });
  log(`backend: ${backend.kind}${reason ? ` (${reason})` : ''}`);
  if (backend instanceof SimulatedBackend) {
    // Nothing to manage for real here: show a lively demo table rather than an empty page.
    await createDemoTable(backend);
    backend.start();
    log('simulated backend: loaded the demo table (nothing here touches the kernel)');
  }
  if (!isLoopbackHost(config.listen.host) && !config.tls) {
    log(`WARNING: plain HTTP beyond loopback, because: ${config.insecureListenReason ?? ''}`);
  }
  const agent = await startAgentServer({
    config,
    backend,
    backendReason: reason,
    configText: ipvsadmConfigText,
    log,
    // The demo quiesced one server while warming up: the agent remembers its weight, as if done here.
    knownHolds:
      backend instanceof SimulatedBackend
        ? [
            {
              service: serviceId(DEMO_WEB),
              destination: destinationId(DEMO_QUIESCED),
              weight: DEMO_QUIESCED_WEIGHT,
              hold: { kind: 'operator', since: Date.now(), reason: 'quiesced by the demo' },
            },
          ]
        : [],
  });
  log(`state directory: ${config.stateDir}; sampling every ${config.intervalMs} ms`);
  if (backend instanceof SimulatedBackend) {
    // The demo shows health too: a check on its web service, and one of its servers failing now and then.
    const web = serviceId(DEMO_WEB);
    if (!agent.checks.serviceCheck(web)) await agent.checks.set(web, null, DEMO_CHECK);
    startDemoOutage(backend);
  }
  // Like Jupyter: the token is in the URL once; opening it swaps it for a session cookie.
  console.log(`\n    ipvs-dashboard is running. Open:\n\n    ${loginUrl(config, agent.port, agent.token)}\n`);

  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      log(`${signal}: shutting down`);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await agent.close();
  await backend.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError) {
      console.error(`ipvs-dashboard-agent: ${error.message}`);
      process.exit(2);
    }
    log('fatal', error);
    process.exit(1);
  },
);

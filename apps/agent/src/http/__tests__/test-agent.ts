import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type RawSettings } from '../../config/index.js';
import type { IpvsBackend } from '../../ipvs/backend/backend.js';
import type { TransportLimits } from '../../live/index.js';
import { SimulatedBackend } from '../../simulated/index.js';
import { startAgentServer, type AgentServer, type KnownHold } from '../agent-server.js';
import { ipvsadmConfigText } from '../restore/ipvsadm-config-text.js';

export const testToken = 'test-token-0123456789abcdef';

export interface TestAgent {
  agent: AgentServer;
  backend: IpvsBackend;
  base: string;
  stateDir: string;
  /** fetch with the bearer token and, for bodies, a JSON content type. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** A real agent listening on 127.0.0.1 (random port) over the simulated backend, as `npm start` runs it. */
export async function startTestAgent(
  options: {
    backend?: IpvsBackend;
    webDir?: string;
    stateDir?: string;
    /** Defaults to testToken; null lets the agent make (or reuse) its own. */
    token?: string | null;
    intervalMs?: number;
    limits?: TransportLimits;
    /** More flags, as the command line gives them (e.g. `webhooks`). */
    settings?: RawSettings;
    log?: (message: string) => void;
    knownHolds?: readonly KnownHold[];
  } = {},
): Promise<TestAgent> {
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'agent-state-')));
  const backend = options.backend ?? new SimulatedBackend();
  const config = resolveConfig(
    {
      listen: '127.0.0.1:0',
      ...(options.token === null ? {} : { token: options.token ?? testToken }),
      backend: 'simulated',
      interval: `${options.intervalMs ?? 100}ms`,
      allowedHosts: 'dashboard.example.com',
      ...options.settings,
    },
    { stateDir, webDir: options.webDir ?? join(stateDir, 'no-web-app') },
  );
  const agent = await startAgentServer({
    config,
    backend,
    backendReason: null,
    configText: ipvsadmConfigText,
    log: options.log ?? (() => undefined),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.knownHolds ? { knownHolds: options.knownHolds } : {}),
  });
  const base = `http://127.0.0.1:${agent.port}`;
  return {
    agent,
    backend,
    base,
    stateDir,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${testToken}`);
      let body = init.body;
      if (init.json !== undefined) {
        body = JSON.stringify(init.json);
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      }
      return fetch(`${base}/api/v1${path}`, { ...init, headers, body: body ?? null });
    },
  };
}

export const webService = {
  protocol: 'tcp',
  address: '10.0.0.1',
  port: 80,
  scheduler: 'wrr',
} as const;

export const webServiceId = encodeURIComponent('tcp:10.0.0.1:80');

// The table most route tests start from, and the agents they start: one service tcp:10.0.0.1:80 (wrr) with
// masquerading real servers 10.0.1.1 and 10.0.1.2, over the simulated backend. One home, so every suite
// means the same thing by "rs1" and no suite forgets to close its agents.
import { afterEach } from 'vitest';
import type { DestinationInput } from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { startTestAgent, webService, webServiceId, type TestAgent } from './test-agent.js';

export const webKey = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;

/** A masquerading real server on port 80 with no thresholds. */
export const masqServer = (address: string, weight: number): DestinationInput => ({
  address,
  port: 80,
  forwarding: 'masq',
  weight,
  upperThreshold: 0,
  lowerThreshold: 0,
  tunnelType: 'ipip',
  tunnelPort: 0,
  tunnelChecksum: 'nocsum',
});

/** The API path of one of the web service's real servers (port 80). */
export const webServerPath = (address: string) =>
  `/services/${webServiceId}/destinations/${encodeURIComponent(`${address}:80`)}`;

/** The web service with 10.0.1.1 and 10.0.1.2 at the given weights (default 7 and 3). */
export async function webBackend(weights: readonly [number, number] = [7, 3]): Promise<SimulatedBackend> {
  const backend = new SimulatedBackend();
  await backend.addService({
    ...webService,
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
  });
  await backend.addDestination(webKey, masqServer('10.0.1.1', weights[0]));
  await backend.addDestination(webKey, masqServer('10.0.1.2', weights[1]));
  return backend;
}

type StartOptions = NonNullable<Parameters<typeof startTestAgent>[0]>;

/**
 * Call once at a suite's top level: the returned `start` runs startTestAgent and every agent it started is
 * closed after each test (or by `stop`). `startWithTable` starts one over `webBackend(weights)` unless a backend is given
 * (a restart over the same backend and state).
 */
export function agentsForEachTest() {
  const running: TestAgent[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.agent.close();
  });
  const start = async (options: StartOptions = {}): Promise<TestAgent> => {
    const t = await startTestAgent(options);
    running.push(t);
    return t;
  };
  const startWithTable = async (
    options: { stateDir?: string; backend?: SimulatedBackend; weights?: readonly [number, number] } = {},
  ) => {
    const backend = options.backend ?? (await webBackend(options.weights));
    const t = await start({ backend, ...(options.stateDir ? { stateDir: options.stateDir } : {}) });
    return { t, backend };
  };
  /** Closes one agent now (a restart, a crash) so afterEach does not close it again. */
  const stop = async (t: TestAgent): Promise<void> => {
    const at = running.indexOf(t);
    if (at >= 0) running.splice(at, 1);
    await t.agent.close();
  };
  return { start, startWithTable, stop };
}

/** Reads until `test` holds (every 20 ms, 6 s at most); the timeout names what was awaited and the last value. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  test: (value: T) => boolean,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (test(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(await read())}`);
}

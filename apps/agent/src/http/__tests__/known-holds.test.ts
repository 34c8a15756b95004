import { afterEach, describe, expect, it } from 'vitest';
import { infoResponseSchema, type Destination } from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { startTestAgent, type TestAgent } from './test-agent.js';

// The demo starts with a quiesced server; the agent is told its weight before it reconciles holds, so the
// log and GET /info call it held (not "weight 0 set outside the agent") and unquiesce gives the weight back.
const key = { protocol: 'tcp' as const, address: '10.0.0.10', port: 80 };
const server = {
  address: '10.0.1.4',
  port: 8080,
  weight: 0,
  forwarding: 'masq' as const,
  upperThreshold: 0,
  lowerThreshold: 0,
  tunnelType: 'ipip' as const,
  tunnelPort: 0,
  tunnelChecksum: 'nocsum' as const,
};
const path = '/services/tcp%3A10.0.0.10%3A80/destinations/10.0.1.4%3A8080';

describe('holds the caller vouches for at start', () => {
  let t: TestAgent | undefined;
  afterEach(async () => t?.agent.close());

  it('are held servers with a weight to give back', async () => {
    const backend = new SimulatedBackend();
    await backend.addService({
      ...key,
      scheduler: 'wlc',
      schedulerFlags: [],
      persistence: 0,
      netmask: '255.255.255.255',
      persistenceEngine: null,
      onePacket: false,
    });
    await backend.addDestination(key, server);
    const lines: string[] = [];
    t = await startTestAgent({
      backend,
      log: (line) => lines.push(line),
      knownHolds: [
        {
          service: 'tcp:10.0.0.10:80',
          destination: '10.0.1.4:8080',
          weight: 2,
          hold: { kind: 'operator', since: 1, reason: 'quiesced by the demo' },
        },
      ],
    });
    const info = infoResponseSchema.parse(await (await t.api('/info')).json());
    expect(info.holdsAtStart?.unheld).toEqual([]);
    expect(info.holdsAtStart?.kept).toMatchObject([{ destination: '10.0.1.4:8080' }]);
    expect(lines.some((line) => line.includes('outside the agent'))).toBe(false);
    const back = (await (await t.api(`${path}/unquiesce`, { method: 'POST' })).json()) as Destination;
    expect(back.weight).toBe(2);
  });
});

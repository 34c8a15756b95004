import { describe, expect, it } from 'vitest';
import { liveMessageSchema, type LiveMessage } from '@ipvs-dashboard/shared';

import { SimulatedBackend } from '../../simulated/index.js';
import { serviceInput } from './fixtures.js';
import { LiveHub } from '../live-hub.js';
import { TableMonitor } from '../table-monitor.js';
import type { LiveClient } from '../ws-transport.js';

const service = serviceInput;

/** A client that records the frames it is sent; `skipNext` makes the transport skip its next sample. */
function recordingClient(id: number) {
  const frames: LiveMessage[] = [];
  const buffers: Buffer[] = [];
  let skipNext = false;
  const client: LiveClient = {
    id,
    send(frame, droppable) {
      if (droppable && skipNext) {
        skipNext = false;
        return 'skipped';
      }
      buffers.push(frame);
      frames.push(liveMessageSchema.parse(JSON.parse(frame.toString('utf8'))));
      return 'sent';
    },
    close: () => undefined,
  };
  return { client, frames, buffers, skip: () => (skipNext = true) };
}

/** Two services of one real server each: the first busy, the second idle. */
async function setup() {
  let clock = 1_000_000;
  const backend = new SimulatedBackend({ now: () => clock, seed: 3 });
  for (const n of [1, 2]) {
    await backend.addService(service(n));
    await backend.addDestination(service(n), {
      address: `10.0.${n}.1`,
      port: 80,
      forwarding: 'masq',
      weight: 1,
      upperThreshold: 0,
      lowerThreshold: 0,
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    });
  }
  backend.setTraffic(service(1), {
    connectionsPerSecond: 20,
    variation: 0,
    meanDurationSeconds: 1,
    packetsIn: 5,
    packetsOut: 5,
    bytesIn: 500,
    bytesOut: 5000,
    clients: 100,
  });
  backend.setTraffic(service(2), {
    connectionsPerSecond: 0,
    variation: 0,
    meanDurationSeconds: 1,
    packetsIn: 0,
    packetsOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    clients: 1,
  });
  const monitor = new TableMonitor(backend, { intervalMs: 1000, historyWindowMs: 60_000, now: () => clock });
  const hub = new LiveHub(monitor, 1000, 'simulated');
  const second = async () => {
    clock += 1000;
    backend.tick(1000);
    await monitor.tick();
  };
  await second();
  await second();
  return { hub, second };
}

const samples = (frames: LiveMessage[]) => frames.filter((f) => f.type === 'sample');
const ids = (frame: LiveMessage | undefined) =>
  frame?.type === 'sample' ? frame.services.map((s) => s.id) : [];

describe('live-hub', () => {
  it('sends a joining client the snapshot, then a full sample, then only the rows that moved', async () => {
    const { hub, second } = await setup();
    const early = recordingClient(1);
    hub.connect(early.client);
    expect(early.frames[0]?.type).toBe('snapshot');
    await second();
    const [full] = samples(early.frames);
    expect(full).toMatchObject({ type: 'sample', full: true });
    expect(ids(full)).toEqual(['tcp:10.0.0.1:80', 'tcp:10.0.0.2:80']);
    await second();
    const changes = samples(early.frames)[1];
    expect(changes).toMatchObject({ type: 'sample', full: false });
    expect(ids(changes)).toEqual(['tcp:10.0.0.1:80']); // the idle service is left out
    // A late joiner is never missing the idle row: it gets the full sample while the other gets changes.
    const late = recordingClient(2);
    hub.connect(late.client);
    await second();
    expect(samples(late.frames)[0]).toMatchObject({ full: true });
    expect(ids(samples(late.frames)[0])).toEqual(['tcp:10.0.0.1:80', 'tcp:10.0.0.2:80']);
    expect(samples(early.frames)[2]).toMatchObject({ full: false });
  });

  it('follows a skipped sample with a full one, since the changes it missed are gone', async () => {
    const { hub, second } = await setup();
    const slow = recordingClient(1);
    hub.connect(slow.client);
    await second(); // full
    await second(); // changes
    slow.skip();
    await second(); // skipped
    await second(); // full again
    await second(); // changes
    expect(samples(slow.frames).map((f) => f.type === 'sample' && f.full)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(hub.stats.skipped).toBe(1);
  });

  it('encodes the snapshot once for clients joining together, and afresh once the table was read again', async () => {
    const { hub, second } = await setup();
    const [a, b, c] = [1, 2, 3].map(recordingClient);
    hub.connect(a!.client);
    hub.connect(b!.client);
    expect(b!.buffers[0]).toBe(a!.buffers[0]);
    await second();
    hub.connect(c!.client);
    expect(c!.buffers[0]).not.toBe(a!.buffers[0]);
    const [first, later] = [a!.frames[0], c!.frames[0]];
    expect(first?.type === 'snapshot' && later?.type === 'snapshot' && later.at > first.at).toBe(true);
  });
});

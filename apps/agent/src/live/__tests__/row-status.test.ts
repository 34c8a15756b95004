import { describe, expect, it } from 'vitest';
import {
  DISABLED_HEALTH,
  sampleMessageSchema,
  zeroStats,
  type SampleMessage,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { addStatusToSample, type RealServerStatus, type RowStatusSource } from '../row-status.js';

const table = [
  {
    key: { protocol: 'tcp', address: '10.0.0.1', port: 80 },
    destinations: [
      { address: '10.0.1.1', port: 80 },
      { address: '10.0.1.2', port: 80 },
    ],
  },
] as unknown as ServiceWithDestinations[];

const held: RealServerStatus = {
  holds: [{ kind: 'health', since: 5, reason: 'connect refused' }],
  health: { state: 'down', since: 5, lastResult: { ok: false, ms: 1, detail: 'connect refused', at: 5 } },
  drain: null,
};
const source: RowStatusSource = {
  decorateTable: (t) => [...t],
  statusOf: (_sid, did) =>
    did === '10.0.1.1:80' ? held : { holds: [], health: DISABLED_HEALTH, drain: null },
  takeChanged: () => [],
};
const sample = (full: boolean, services: SampleMessage['services'] = []): SampleMessage => ({
  type: 'sample',
  at: 1,
  full,
  totals: zeroStats,
  services,
});

describe('row-status', () => {
  it('adds the changed real servers to a sample that did not list them, and only those of the table', () => {
    const message = addStatusToSample(
      sample(false),
      ['tcp:10.0.0.1:80 10.0.1.1:80', 'tcp:10.0.0.1:80 10.0.9.9:80'],
      source,
      table,
    );
    expect(sampleMessageSchema.parse(message).services).toEqual([
      { id: 'tcp:10.0.0.1:80', destinations: [{ id: '10.0.1.1:80', ...held }] },
    ]);
  });

  it('gives every real server of a full sample its status', () => {
    const message = addStatusToSample(
      sample(true, [{ id: 'tcp:10.0.0.1:80', destinations: [{ id: '10.0.1.1:80' }, { id: '10.0.1.2:80' }] }]),
      [],
      source,
      table,
    );
    expect(message.services[0]?.destinations.map((d) => [d.holds?.length, d.health?.state])).toEqual([
      [1, 'down'],
      [0, 'disabled'],
    ]);
  });
});

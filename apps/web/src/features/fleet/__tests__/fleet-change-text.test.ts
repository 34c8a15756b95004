import { describe, expect, it } from 'vitest';
import { parseRestoreText, type ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { fleetChangeBody, fleetChangeText, type FleetChangeChoice } from '../fleet-change-text';

const stats = {
  conns: 0,
  inPackets: 0,
  outPackets: 0,
  inBytes: 0,
  outBytes: 0,
  cps: 0,
  inPps: 0,
  outPps: 0,
  inBps: 0,
  outBps: 0,
};
const table = [
  {
    key: { protocol: 'tcp', address: '10.0.0.1', port: 80 },
    family: 'inet',
    scheduler: 'wrr',
    schedulerFlags: [],
    persistence: 300,
    netmask: '255.255.255.0',
    persistenceEngine: null,
    onePacket: false,
    stats,
    destinations: [
      {
        address: '10.0.1.1',
        port: 8080,
        family: 'inet',
        forwarding: 'masq',
        weight: 5,
        upperThreshold: 100,
        lowerThreshold: 10,
        tunnelType: 'ipip',
        tunnelPort: 0,
        tunnelChecksum: 'nocsum',
        activeConns: 0,
        inactiveConns: 0,
        persistentConns: 0,
        overloaded: false,
        stats,
      },
    ],
  },
] as unknown as ServiceWithDestinations[];

const choice = (patch: Partial<FleetChangeChoice>): FleetChangeChoice => ({
  kind: 'weight',
  service: 'tcp:10.0.0.1:80',
  server: '10.0.1.1:8080',
  weight: 7,
  address: '',
  port: 80,
  forwarding: 'route',
  scheduler: 'wlc',
  ...patch,
});

const textOf = (patch: Partial<FleetChangeChoice>) => {
  const made = fleetChangeText(table, choice(patch));
  if (!('text' in made)) throw new Error(made.problem);
  parseRestoreText(made.text); // what the agents parse, with the same shared parser
  return made.text;
};

describe('fleetChangeText', () => {
  it("a weight keeps the row's forwarding and thresholds (ipvsadm -e rebuilds the row from the line)", () => {
    expect(textOf({})).toBe('-e -t 10.0.0.1:80 -r 10.0.1.1:8080 -m -w 7 -x 100 -y 10\n');
  });

  it('a quiesce and an unquiesce go as hold changes (each director keeps and gives back its own weight)', () => {
    for (const kind of ['quiesce', 'unquiesce'] as const) {
      expect(fleetChangeBody(table, choice({ kind }))).toEqual({
        change: { kind, service: 'tcp:10.0.0.1:80', server: '10.0.1.1:8080' },
      });
      expect(fleetChangeBody(table, choice({ kind, server: '10.0.1.9:80' }))).toEqual({
        problem: 'pickServer',
      });
    }
    expect(fleetChangeBody(table, choice({}))).toEqual({
      change: { text: '-e -t 10.0.0.1:80 -r 10.0.1.1:8080 -m -w 7 -x 100 -y 10\n' },
    });
  });

  it('a scheduler keeps persistence and netmask', () => {
    expect(textOf({ kind: 'scheduler', scheduler: 'sh' })).toBe(
      '-E -t 10.0.0.1:80 -s sh -p 300 -M 255.255.255.0\n',
    );
  });

  it('adds and removes real servers', () => {
    expect(
      textOf({ kind: 'add-server', address: '10.0.1.9', port: 8080, forwarding: 'masq', weight: 3 }),
    ).toBe('-a -t 10.0.0.1:80 -r 10.0.1.9:8080 -m -w 3\n');
    expect(textOf({ kind: 'remove-server' })).toBe('-d -t 10.0.0.1:80 -r 10.0.1.1:8080\n');
  });

  it('says what to pick when the form is not complete', () => {
    expect(fleetChangeText(table, choice({ service: '' }))).toEqual({ problem: 'pickService' });
    expect(fleetChangeText(table, choice({ server: '' }))).toEqual({ problem: 'pickServer' });
    expect(fleetChangeText(table, choice({ kind: 'add-server', address: 'not an address' }))).toEqual({
      problem: 'badServer',
    });
  });
});

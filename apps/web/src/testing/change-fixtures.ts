import type { ChangeRecord, SavableDestination, SavableService } from '@ipvs-dashboard/shared';

// Change log entries for component tests: a quiesce of one real server unless patched.
export function savableDestination(
  address: string,
  patch: Partial<SavableDestination> = {},
): SavableDestination {
  return {
    address,
    port: 80,
    forwarding: 'masq',
    weight: 5,
    upperThreshold: 0,
    lowerThreshold: 0,
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
    ...patch,
  };
}

export function savableService(address: string, destinations: SavableDestination[]): SavableService {
  return {
    key: { protocol: 'tcp', address, port: 80 },
    scheduler: 'wlc',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    destinations,
  };
}

export function changeRecord(patch: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    id: 'c-0002',
    at: Date.UTC(2026, 11, 5, 9, 30, 0),
    actor: { type: 'api', name: 'ops' },
    source: 'api',
    action: 'quiesce',
    summary: 'Quiesced 10.1.0.1:80 in tcp:10.0.0.1:80 (weight 5 -> 0)',
    status: 'applied',
    services: ['tcp:10.0.0.1:80'],
    commands: ['ipvsadm -e -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 0'],
    inverse: ['ipvsadm -e -t 10.0.0.1:80 -r 10.1.0.1:80 -m -w 5'],
    before: [savableService('10.0.0.1', [savableDestination('10.1.0.1')])],
    after: [savableService('10.0.0.1', [savableDestination('10.1.0.1', { weight: 0 })])],
    ...patch,
  };
}

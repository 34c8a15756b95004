import { describe, expect, it } from 'vitest';
import {
  connectionsResponseSchema,
  historyResponseSchema,
  infoResponseSchema,
  restorePlanSchema,
} from '../api.js';

describe('api', () => {
  it('validates the bodies the web app receives', () => {
    const info = {
      backend: 'simulated',
      backendReason: 'no IPVS in this kernel',
      version: '1.2.1',
      connTableSize: 4096,
      schedulers: ['rr', 'wlc'],
      persistenceEngines: ['sip'],
      tunnelTypes: ['ipip', 'gue'],
      addressFamilies: ['inet'],
      intervalMs: 1000,
      interruptedChange: null,
      owners: [
        {
          name: 'keepalived',
          pid: 812,
          config: '/etc/keepalived/keepalived.conf',
          services: ['tcp:10.0.0.1:80'],
          vrrp: [
            { instance: 'VI_1', configuredState: null, state: 'backup', virtualAddresses: ['10.0.0.100'] },
          ],
          note: null,
        },
        { name: 'kube-proxy', pid: 900, config: null, services: 'all', vrrp: [], note: null },
      ],
      prometheus: { selector: '{job="ipvs-dashboard"}' },
    };
    expect(infoResponseSchema.parse(info)).toEqual(info);
    expect(() =>
      infoResponseSchema.parse({ ...info, owners: [{ ...info.owners[1], name: 'haproxy' }] }),
    ).toThrow();
    expect(() => infoResponseSchema.parse({ ...info, tunnelTypes: ['vxlan'] })).toThrow(/ipip, gue or gre/);
    const interrupted = {
      ...info,
      interruptedChange: {
        id: 'c1',
        action: 'restore',
        summary: 'Restore',
        startedAt: 5,
        applied: 3,
        total: 9,
        services: ['tcp:10.0.0.1:80'],
      },
    };
    expect(infoResponseSchema.parse(interrupted)).toEqual(interrupted);
    expect(infoResponseSchema.safeParse({ ...info, backend: 'other' }).success).toBe(false);
    const connection = {
      protocol: 'TCP',
      clientAddress: '10.10.0.2',
      clientPort: 52102,
      virtualAddress: '10.10.10.10',
      virtualPort: 80,
      destAddress: '10.30.0.2',
      destPort: 80,
      state: 'TIME_WAIT',
      expiresSeconds: 115,
      template: false,
      persistenceEngine: null,
      persistenceData: null,
      fwmark: null,
    };
    expect(connectionsResponseSchema.parse({ total: 30, items: [connection] }).items[0]).toEqual(connection);
    expect(
      connectionsResponseSchema.safeParse({ total: 30, items: [{ ...connection, clientPort: -1 }] }).success,
    ).toBe(false);
    const plan = {
      added: ['-A -t 10.0.0.1:80 -s rr'],
      changed: [],
      removed: ['-D -t 10.0.0.2:80'],
      details: [
        {
          action: 'remove',
          service: 'tcp:10.0.0.2:80',
          fields: [{ field: 'scheduler', from: 'wlc', to: null }],
        },
      ],
    };
    expect(restorePlanSchema.parse(plan)).toEqual(plan);
    const point = {
      at: 1,
      cps: 1,
      inPps: 2,
      outPps: 3,
      inBps: 4,
      outBps: 5,
      activeConns: 0,
      inactiveConns: 8,
    };
    const history = {
      intervalMs: 1000,
      services: [{ id: 'fwmark:7', points: [point], destinations: [{ id: '10.20.0.2:0', points: [point] }] }],
    };
    expect(historyResponseSchema.parse(history)).toEqual(history);
    expect(
      historyResponseSchema.safeParse({ intervalMs: 1000, services: [{ id: 'x', points: [] }] }).success,
    ).toBe(false);
  });
});

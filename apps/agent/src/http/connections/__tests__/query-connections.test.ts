import { describe, expect, it } from 'vitest';
import {
  connectionsQuerySchema,
  type Connection,
  type ConnectionsQuery,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { queryConnections } from '../query-connections.js';

function conn(client: string, clientPort: number, dest: string, extra: Partial<Connection> = {}): Connection {
  return {
    protocol: 'TCP',
    clientAddress: client,
    clientPort,
    virtualAddress: '10.0.0.1',
    virtualPort: 80,
    destAddress: dest,
    destPort: 80,
    state: 'ESTABLISHED',
    expiresSeconds: 900,
    template: false,
    persistenceEngine: null,
    persistenceData: null,
    fwmark: null,
    ...extra,
  };
}

const template = (client: string) =>
  conn(client, 0, '10.1.0.1', { state: 'NONE', template: true, expiresSeconds: 300 });

const rows: Connection[] = [
  template('192.0.2.0'),
  conn('192.0.2.10', 40001, '10.1.0.1', { expiresSeconds: 30 }),
  conn('192.0.2.9', 40002, '10.1.0.2', { state: 'TIME_WAIT', expiresSeconds: 110 }),
  conn('2001:db8::5', 443, '10.1.0.2', { virtualAddress: '2001:db8::1', virtualPort: 443 }),
  conn('198.51.100.7', 51234, '10.1.0.1', { expiresSeconds: 5 }),
];

const query = (params: Record<string, string> = {}): ConnectionsQuery => connectionsQuerySchema.parse(params);
const clients = (params: Record<string, string> = {}, table: ServiceWithDestinations[] | null = null) =>
  queryConnections(rows, table, query(params)).items.map((c) => `${c.clientAddress}:${c.clientPort}`);

describe('queryConnections', () => {
  it('lists connections before persistence templates unless asked to hide or show only templates', () => {
    expect(clients()).toEqual([
      '192.0.2.10:40001',
      '192.0.2.9:40002',
      '2001:db8::5:443',
      '198.51.100.7:51234',
      '192.0.2.0:0',
    ]);
    expect(clients({ templates: 'hide' })).not.toContain('192.0.2.0:0');
    expect(clients({ templates: 'only' })).toEqual(['192.0.2.0:0']);
  });

  it('finds a client by address, address and port, or port alone', () => {
    expect(clients({ search: '198.51.100.7' })).toEqual(['198.51.100.7:51234']);
    expect(clients({ search: '192.0.2.9:40002' })).toEqual(['192.0.2.9:40002']);
    expect(clients({ search: ':51234' })).toEqual(['198.51.100.7:51234']);
    expect(clients({ search: '[2001:DB8::5]:443' })).toEqual(['2001:db8::5:443']);
  });

  it('searches only the addresses asked for: client, virtual or real server', () => {
    expect(clients({ search: '10.1.0.2', searchIn: 'destination' })).toEqual([
      '192.0.2.9:40002',
      '2001:db8::5:443',
    ]);
    expect(clients({ search: '10.1.0.2', searchIn: 'client' })).toEqual([]);
    expect(clients({ search: '2001:db8::1', searchIn: 'virtual' })).toEqual(['2001:db8::5:443']);
  });

  it('sorts addresses as numbers, IPv4 before IPv6, and by time left either way', () => {
    expect(clients({ sort: 'client', templates: 'hide' })).toEqual([
      '192.0.2.9:40002',
      '192.0.2.10:40001',
      '198.51.100.7:51234',
      '2001:db8::5:443',
    ]);
    expect(clients({ sort: 'expires', order: 'desc', templates: 'hide' })).toEqual([
      '2001:db8::5:443',
      '192.0.2.9:40002',
      '192.0.2.10:40001',
      '198.51.100.7:51234',
    ]);
    expect(clients({ sort: 'expires' }).at(-1)).toBe('192.0.2.0:0');
  });

  it('counts every match and answers the page asked for', () => {
    const page = queryConnections(rows, null, query({ sort: 'client', offset: '1', limit: '2' }));
    expect(page.total).toBe(5);
    expect(page.items.map((c) => c.clientAddress)).toEqual(['192.0.2.10', '198.51.100.7']);
  });

  it('keeps the service, real server and state filters', () => {
    expect(clients({ destination: '10.1.0.2:80', state: 'time_wait' })).toEqual(['192.0.2.9:40002']);
    const table = [
      {
        key: { protocol: 'tcp', address: '2001:db8::1', port: 443 },
        destinations: [],
      },
    ] as unknown as ServiceWithDestinations[];
    expect(clients({ service: 'tcp:[2001:db8::1]:443' }, table)).toEqual(['2001:db8::5:443']);
  });

  it('answers a search and sort over 10,000 rows without holding the agent', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      conn(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 1024 + (i % 60000), '10.1.0.1'),
    );
    const started = performance.now();
    const page = queryConnections(many, null, query({ search: '10.0.3', sort: 'client', order: 'desc' }));
    // 10.0.3.x, 10.0.30-38.x and 10.0.39.0-15 (the last row is 10.0.39.15)
    expect(page.total).toBe(256 + 9 * 256 + 16);
    expect(page.items[0]?.clientAddress).toBe('10.0.39.15');
    // Generous for a shared CI machine; the point is "a few tens of ms", not seconds.
    expect(performance.now() - started).toBeLessThan(500);
  });
});

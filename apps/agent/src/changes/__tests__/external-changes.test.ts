import { describe, expect, it } from 'vitest';
import type { TableOwner } from '@ipvs-dashboard/shared';
import { externalRecord } from '../external-changes.js';

const keepalived: TableOwner = {
  name: 'keepalived',
  pid: 40,
  config: '/etc/keepalived/keepalived.conf',
  services: ['tcp:10.0.0.100:80'],
  vrrp: [],
  note: null,
};

const event = (service: string) => ({
  type: 'change' as const,
  changes: [{ kind: 'service-removed' as const, service }],
  source: 'external' as const,
  generation: 7,
  at: 1_000,
  previous: [],
  table: [],
});

describe('externalRecord', () => {
  it('names the program that manages the touched service as the likely author', () => {
    const record = externalRecord(event('tcp:10.0.0.100:80'), [keepalived]);
    expect(record.actor).toEqual({ type: 'external', likely: ['keepalived'] });
    expect(record.summary).toMatch(/^Seen, not made here \(likely keepalived, which manages it\): /);
  });

  it('names nobody for a service no known program manages', () => {
    const record = externalRecord(event('tcp:10.0.0.9:80'), [keepalived]);
    expect(record.actor).toEqual({ type: 'external' });
    expect(record.summary).toMatch(/^Seen, not made here: /);
  });
});

import { describe, expect, it } from 'vitest';
import { diffTables } from '../table-diff.js';
import { dest, stats, tcpService } from './fixtures.js';

describe('table-diff', () => {
  const web = tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80), dest('10.0.1.2', 80)]);

  it('reports nothing when only counters and connections moved', () => {
    const busier = tcpService(
      '10.0.0.1',
      80,
      [dest('10.0.1.1', 80, { activeConns: 9, stats: stats({ conns: 50 }) }), dest('10.0.1.2', 80)],
      {
        stats: stats({ conns: 50 }),
      },
    );
    expect(diffTables([web], [busier])).toEqual([]);
  });

  it('names added, removed and changed services and real servers by id', () => {
    const after = [
      tcpService('10.0.0.1', 80, [dest('10.0.1.1', 80, { weight: 0 }), dest('10.0.1.3', 80)], {
        scheduler: 'rr',
      }),
      tcpService('2001:db8::1', 443, []),
    ];
    expect(diffTables([web], after)).toEqual([
      { kind: 'service-changed', service: 'tcp:10.0.0.1:80' },
      { kind: 'destination-changed', service: 'tcp:10.0.0.1:80', destination: '10.0.1.1:80' },
      { kind: 'destination-added', service: 'tcp:10.0.0.1:80', destination: '10.0.1.3:80' },
      { kind: 'destination-removed', service: 'tcp:10.0.0.1:80', destination: '10.0.1.2:80' },
      { kind: 'service-added', service: 'tcp:[2001:db8::1]:443' },
    ]);
  });

  it('sees an emptied table as one clear and falling counters as a zero', () => {
    expect(diffTables([web, tcpService('10.0.0.2', 80, [])], [])).toEqual([{ kind: 'cleared' }]);
    expect(diffTables([web], [])).toEqual([{ kind: 'service-removed', service: 'tcp:10.0.0.1:80' }]);
    const counted = tcpService('10.0.0.1', 80, web.destinations, { stats: stats({ conns: 10 }) });
    expect(diffTables([counted], [web])).toEqual([{ kind: 'zeroed', service: 'tcp:10.0.0.1:80' }]);
  });
});

// The copies are written field by field for speed (row-copies.ts): they must still carry every field of
// the row, or a row the dashboard merged a sample into would lose its settings on screen.
import { describe, expect, it } from 'vitest';
import { DISABLED_HEALTH } from '../health/health-status.js';
import { destinationWith, serviceRowWith } from '../row-copies.js';
import { destination, httpService, stats } from './fixtures.js';

describe('row-copies', () => {
  const row = httpService([
    destination('10.0.0.1', 80, { weight: 3 }),
    destination('10.0.0.2', 80, { weight: 0 }),
  ]);

  it('copies a service row with every field, only stats and real servers replaced', () => {
    const destinations = row.destinations.slice(1);
    const copy = serviceRowWith(row, stats(9), destinations);
    expect(copy).toEqual({ ...row, stats: stats(9), destinations });
    expect(Object.keys(copy).sort()).toEqual(Object.keys(row).sort());
  });

  it('copies a real server with every setting, only its numbers replaced', () => {
    const original = { ...row.destinations[0]!, holds: [], health: DISABLED_HEALTH, drain: null };
    const numbers = {
      stats: stats(4),
      activeConns: 7,
      inactiveConns: 8,
      persistentConns: 9,
      overloaded: true,
      holds: [{ kind: 'health' as const, since: 1, reason: 'connect refused' }],
      health: { state: 'down' as const, since: 1, lastResult: null },
      drain: null,
    };
    const copy = destinationWith(original, numbers);
    expect(copy).toEqual({ ...original, ...numbers });
    expect(Object.keys(copy).sort()).toEqual(Object.keys(original).sort());
  });
});

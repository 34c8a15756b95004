import { describe, expect, it } from 'vitest';
import type { SimDestination } from '../sim-state.js';
import { SimTable } from '../sim-table.js';
import { bindConnection, unbindConnection } from '../traffic/dest-load.js';
import { server, service, vip } from './traffic-helpers.js';

function destWith(upperThreshold: number, lowerThreshold: number): { table: SimTable; dest: SimDestination } {
  const table = new SimTable();
  table.add(service());
  const dest = table.addDestination(vip, server('10.0.1.1', { upperThreshold, lowerThreshold }), false);
  return { table, dest };
}

describe('dest-load', () => {
  it('overloads at the upper threshold and clears below the lower one', () => {
    const { dest } = destWith(10, 5);
    for (let i = 0; i < 9; i++) bindConnection(dest, true);
    expect(dest.overloaded).toBe(false);
    bindConnection(dest, false);
    expect(dest.overloaded).toBe(true);
    while (dest.activeConns + dest.inactiveConns > 5) unbindConnection(dest, true);
    expect(dest.overloaded).toBe(true);
    unbindConnection(dest, true);
    expect(dest.overloaded).toBe(false);
  });

  it('with no lower threshold clears below 3/4 of the upper one', () => {
    const { dest } = destWith(8, 0);
    for (let i = 0; i < 8; i++) bindConnection(dest, true);
    expect(dest.overloaded).toBe(true);
    unbindConnection(dest, true);
    unbindConnection(dest, true);
    // 6 * 4 = 24 is not below 8 * 3 = 24: still overloaded.
    expect(dest.overloaded).toBe(true);
    unbindConnection(dest, true);
    expect(dest.overloaded).toBe(false);
  });

  it('clears the overload when the upper threshold is raised or removed', () => {
    const { table, dest } = destWith(2, 0);
    bindConnection(dest, true);
    bindConnection(dest, true);
    expect(dest.overloaded).toBe(true);
    table.editDestination(vip, server('10.0.1.1', { upperThreshold: 1 }), false);
    expect(dest.overloaded).toBe(true);
    table.editDestination(vip, server('10.0.1.1', { upperThreshold: 0 }), false);
    expect(dest.overloaded).toBe(false);
  });
});

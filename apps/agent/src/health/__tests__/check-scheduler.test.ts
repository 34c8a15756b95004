import { describe, expect, it } from 'vitest';
import { CheckScheduler, type Scheduled } from '../check-scheduler.js';
import { FakeLoop } from './fake-loop.js';

interface Item extends Scheduled {
  name: number;
}

function setUp(maxPerTurn = 8) {
  const loop = new FakeLoop();
  const started: { name: number; turn: number; at: number; slot: number }[] = [];
  const scheduler = new CheckScheduler<Item>(
    (item, now, slot) => started.push({ name: item.name, turn: loop.turn, at: now, slot }),
    loop,
    { maxPerTurn, earlyMs: 2 },
  );
  return { loop, started, scheduler };
}

function perTurn(started: { turn: number }[]): number[] {
  const counts = new Map<number, number>();
  for (const { turn } of started) counts.set(turn, (counts.get(turn) ?? 0) + 1);
  return [...counts.values()];
}

describe('CheckScheduler', () => {
  it('starts 10,000 checks that are all due at once at most 8 per event-loop turn, each once', async () => {
    const { loop, started, scheduler } = setUp();
    const items = Array.from({ length: 10_000 }, (_, name) => ({ name, scheduleToken: 0 }));
    for (const item of items) scheduler.at(item, 0);
    await loop.runUntil(10);
    expect(started).toHaveLength(10_000);
    expect(new Set(started.map((s) => s.name)).size).toBe(10_000);
    expect(Math.max(...perTurn(started))).toBe(8);
    // Yields between turns: 10,000 / 8 turns, and a clock read per turn, not per check.
    expect(new Set(started.map((s) => s.turn)).size).toBe(1250);
    expect(loop.clockReads).toBeLessThan(1300);
  });

  it('starts each check at its time, not before (give or take earlyMs), with one timer for all', async () => {
    const { loop, started, scheduler } = setUp();
    for (let name = 0; name < 100; name++) scheduler.at({ name, scheduleToken: 0 }, 100 + name * 10);
    await loop.runUntil(2000);
    expect(started).toHaveLength(100);
    for (const { name, at, slot } of started) {
      expect(at).toBeGreaterThanOrEqual(100 + name * 10 - 2);
      expect(at).toBeLessThanOrEqual(100 + name * 10 + 1);
      expect(slot).toBe(Math.max(at, 100 + name * 10));
    }
  });

  it('runs a started check again only when it is queued again (never two at a time)', async () => {
    const { loop, started, scheduler } = setUp();
    const item = { name: 1, scheduleToken: 0 };
    scheduler.at(item, 10);
    await loop.runUntil(5000);
    expect(started.map((s) => s.at)).toEqual([10]);
    scheduler.at(item, 2010);
    await loop.runUntil(5000);
    expect(started.map((s) => s.at)).toEqual([10, 2010]);
  });

  it('forgets a cancelled check, and a rescheduled one keeps only its newest time', async () => {
    const { loop, started, scheduler } = setUp();
    const gone = { name: 1, scheduleToken: 0 };
    const moved = { name: 2, scheduleToken: 0 };
    scheduler.at(gone, 10);
    scheduler.at(moved, 20);
    scheduler.cancel(gone);
    scheduler.at(moved, 500);
    await loop.runUntil(5000);
    expect(started).toEqual([{ name: 2, turn: expect.any(Number) as number, at: 500, slot: 500 }]);
  });

  it('starts nothing after stop', async () => {
    const { loop, started, scheduler } = setUp();
    scheduler.at({ name: 1, scheduleToken: 0 }, 10);
    scheduler.stop();
    scheduler.at({ name: 2, scheduleToken: 0 }, 10);
    await loop.runUntil(5000);
    expect(started).toEqual([]);
  });
});

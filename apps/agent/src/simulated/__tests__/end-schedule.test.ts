import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EndSchedule } from '../traffic/end-schedule.js';
import type { SimConnection } from '../traffic/sim-connection.js';

const ending = (endsAt: number) => ({ endsAt }) as SimConnection;

describe('end-schedule', () => {
  it('hands out exactly the connections due by each step, earliest first, whatever the order they came in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 300 }),
        (ends, step) => {
          const schedule = new EndSchedule();
          const conns = ends.map(ending);
          conns.forEach((conn) => schedule.add(conn));
          const taken: SimConnection[] = [];
          for (let now = 0; now <= 1000 + step; now += step) {
            const due = schedule.takeDue(now);
            expect(due.every((conn) => conn.endsAt <= now)).toBe(true);
            taken.push(...due);
          }
          expect(taken.map((c) => c.endsAt)).toEqual([...ends].sort((a, b) => a - b));
          expect(new Set(taken)).toEqual(new Set(conns));
          expect(schedule.size).toBe(0);
        },
      ),
    );
  });
});

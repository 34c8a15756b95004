// When open connections end, as a binary min-heap on endsAt: each simulation step takes only the
// connections that end by then, instead of looking at every open one (20,000 of them ten times a second
// under the default traffic of a 1,000-service table). The end times sit in their own array, so sifting
// compares numbers side by side instead of reaching into scattered connection objects.
import type { SimConnection } from './sim-connection.js';

export class EndSchedule {
  private readonly times: number[] = [];
  private readonly conns: SimConnection[] = [];

  get size(): number {
    return this.conns.length;
  }

  add(conn: SimConnection): void {
    const { times, conns } = this;
    let i = conns.length;
    times.push(conn.endsAt);
    conns.push(conn);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= conn.endsAt) break;
      times[i] = times[parent]!;
      conns[i] = conns[parent]!;
      i = parent;
    }
    times[i] = conn.endsAt;
    conns[i] = conn;
  }

  /** Removes and returns the connections ending at or before `now`, earliest first. */
  takeDue(now: number): SimConnection[] {
    const due: SimConnection[] = [];
    while (this.conns.length > 0 && this.times[0]! <= now) due.push(this.removeFirst());
    return due;
  }

  private removeFirst(): SimConnection {
    const { times, conns } = this;
    const first = conns[0]!;
    const lastTime = times.pop()!;
    const last = conns.pop()!;
    const size = conns.length;
    if (size === 0) return first;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && times[right]! < times[left]! ? right : left;
      if (times[child]! >= lastTime) break;
      times[i] = times[child]!;
      conns[i] = conns[child]!;
      i = child;
    }
    times[i] = lastTime;
    conns[i] = last;
    return first;
  }
}

import type { HistoryPoint, Rates } from '@ipvs-dashboard/shared';

/**
 * A fixed-capacity ring of history points stored column by column in typed arrays: 36 bytes a point
 * instead of ~130 for an object, which matters at 900 points x thousands of real servers. Rates are
 * float32 (7 significant digits, plenty for a chart); connection gauges uint32 like the kernel's atomic_t.
 */
export class SeriesRing {
  private at: Float64Array;
  private rates: [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  private active: Uint32Array;
  private inactive: Uint32Array;
  private start = 0;
  private count = 0;

  /**
   * Columns start small and double up to `capacity` as points arrive: a restore of 1,000 x 10 creates
   * 11,000 series at once, and allocating 900 points for each up front (356 MB) stalled the agent for
   * seconds in garbage collection before the first point was even written.
   */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1');
    const size = Math.min(capacity, 16);
    this.at = new Float64Array(size);
    this.rates = [0, 1, 2, 3, 4].map(() => new Float32Array(size)) as SeriesRing['rates'];
    this.active = new Uint32Array(size);
    this.inactive = new Uint32Array(size);
  }

  /** Room for one more point before the ring is full: doubles the columns (only while start is 0). */
  private grow(): void {
    const size = Math.min(this.capacity, this.at.length * 2);
    const grown = <T extends Float64Array | Float32Array | Uint32Array>(
      column: T,
      make: (n: number) => T,
    ): T => {
      const next = make(size);
      next.set(column);
      return next;
    };
    this.at = grown(this.at, (n) => new Float64Array(n));
    this.rates = this.rates.map((column) => grown(column, (n) => new Float32Array(n))) as SeriesRing['rates'];
    this.active = grown(this.active, (n) => new Uint32Array(n));
    this.inactive = grown(this.inactive, (n) => new Uint32Array(n));
  }

  get length(): number {
    return this.count;
  }

  /** Appends a point; past capacity the oldest one is overwritten. */
  push(point: HistoryPoint): void {
    this.pushValues(point.at, point, point.activeConns, point.inactiveConns);
  }

  /** The same without a point object: the monitor appends one for each of thousands of rows every second. */
  pushValues(at: number, rates: Rates, activeConns: number, inactiveConns: number): void {
    if (this.count === this.at.length && this.count < this.capacity) this.grow();
    const i = (this.start + this.count) % this.capacity;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
    this.at[i] = at;
    const [cps, inPps, outPps, inBps, outBps] = this.rates;
    cps[i] = rates.cps;
    inPps[i] = rates.inPps;
    outPps[i] = rates.outPps;
    inBps[i] = rates.inBps;
    outBps[i] = rates.outBps;
    this.active[i] = activeConns;
    this.inactive[i] = inactiveConns;
  }

  /** Oldest first. */
  toArray(): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    const [cps, inPps, outPps, inBps, outBps] = this.rates;
    for (let n = 0; n < this.count; n += 1) {
      const i = (this.start + n) % this.capacity;
      out.push({
        at: this.at[i]!,
        cps: cps[i]!,
        inPps: inPps[i]!,
        outPps: outPps[i]!,
        inBps: inBps[i]!,
        outBps: outBps[i]!,
        activeConns: this.active[i]!,
        inactiveConns: this.inactive[i]!,
      });
    }
    return out;
  }
}

import type { HistoryPoint } from '@ipvs-dashboard/shared';

/**
 * A fixed-capacity ring of history points stored column by column in typed arrays: 36 bytes a point
 * instead of ~130 for an object, which matters at 900 points x thousands of real servers. Rates are
 * float32 (7 significant digits, plenty for a chart); connection gauges uint32 like the kernel's atomic_t.
 */
export class SeriesRing {
  private readonly at: Float64Array;
  private readonly rates: Float32Array[];
  private readonly active: Uint32Array;
  private readonly inactive: Uint32Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1');
    this.at = new Float64Array(capacity);
    this.rates = Array.from({ length: 5 }, () => new Float32Array(capacity));
    this.active = new Uint32Array(capacity);
    this.inactive = new Uint32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Appends a point; past capacity the oldest one is overwritten. */
  push(point: HistoryPoint): void {
    const i = (this.start + this.count) % this.capacity;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
    this.at[i] = point.at;
    const values = [point.cps, point.inPps, point.outPps, point.inBps, point.outBps];
    values.forEach((value, column) => (this.rates[column]![i] = value));
    this.active[i] = point.activeConns;
    this.inactive[i] = point.inactiveConns;
  }

  /** Oldest first. */
  toArray(): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    const [cps, inPps, outPps, inBps, outBps] = this.rates as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
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

import type { HistoryPoint, Rates } from '@ipvs-dashboard/shared';

/**
 * A fixed-capacity ring of history points stored column by column in typed arrays: 36 bytes a point
 * instead of ~130 for an object, which matters at 900 points x thousands of real servers. Rates are
 * float32 (7 significant digits, plenty for a chart); connection gauges uint32 like the kernel's atomic_t.
 */
export class SeriesRing {
  private readonly at: Float64Array;
  private readonly rates: [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  private readonly active: Uint32Array;
  private readonly inactive: Uint32Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1');
    this.at = new Float64Array(capacity);
    const column = () => new Float32Array(capacity);
    this.rates = [column(), column(), column(), column(), column()];
    this.active = new Uint32Array(capacity);
    this.inactive = new Uint32Array(capacity);
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

import type { HistoryPoint, Rates } from '@ipvs-dashboard/shared';

/**
 * The times of the last `capacity` samples, shared by every series of a history store: every row present
 * gets a point at every sample, so a series needs only the numbers of its first and last sample.
 */
export class SampleClock {
  private readonly times: Float64Array;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be >= 1');
    this.times = new Float64Array(capacity);
  }

  /** Starts the next sample, taken at `at`. */
  begin(at: number): void {
    this.times[this.count % this.capacity] = at;
    this.count += 1;
  }

  /** The number of the current sample (0 for the first), -1 before any. */
  get current(): number {
    return this.count - 1;
  }

  timeOf(sample: number): number {
    return this.times[sample % this.capacity]!;
  }
}

/** Values per point: five rates, then the two connection gauges. */
const STRIDE = 7;
/** Points a new series has room for; it doubles up to the capacity as points arrive. */
const INITIAL_POINTS = 16;

/**
 * A fixed-capacity ring of history points, one point per sample of its clock, stored point by point in one
 * buffer: the rates as float32 (7 significant digits, plenty for a chart) and the gauges as uint32 like the
 * kernel's atomic_t, 28 bytes a point (~130 for an object). One point's values share a cache line, so
 * appending to 11,000 series a second touches 11,000 lines rather than 7 columns each (bench:ws measured
 * it). The buffer starts small and doubles up to the capacity: a restore of 1,000 x 10 creates 11,000
 * series at once, and allocating 900 points for each up front stalled the agent for seconds in GC.
 */
export class SeriesRing {
  private rates: Float32Array;
  private gauges: Uint32Array;
  /** Numbers of the clock's samples of this series' first and last point (-1 before any). */
  private first = -1;
  private last = -1;

  constructor(private readonly clock: SampleClock) {
    this.rates = new Float32Array(0);
    this.gauges = new Uint32Array(0);
    this.allocate(Math.min(clock.capacity, INITIAL_POINTS));
  }

  private allocate(points: number): void {
    const buffer = new ArrayBuffer(points * STRIDE * 4);
    const rates = new Float32Array(buffer);
    rates.set(this.rates);
    this.rates = rates;
    this.gauges = new Uint32Array(buffer);
  }

  get length(): number {
    return this.first < 0 ? 0 : Math.min(this.last - this.first + 1, this.clock.capacity);
  }

  /** Where a sample's point lives: in order from the first point, wrapping once the capacity is reached. */
  private offset(sample: number): number {
    return ((sample - this.first) % this.clock.capacity) * STRIDE;
  }

  /** Sets this series' point of the clock's current sample (once per sample). */
  push(rates: Rates, activeConns: number, inactiveConns: number): void {
    const sample = this.clock.current;
    if (this.first < 0) this.first = sample;
    this.last = sample;
    const o = this.offset(sample);
    // Still growing: the points so far are in order from the start of the buffer, so doubling copies them.
    if (o >= this.rates.length)
      this.allocate(Math.min(this.clock.capacity, (this.rates.length / STRIDE) * 2));
    const values = this.rates;
    values[o] = rates.cps;
    values[o + 1] = rates.inPps;
    values[o + 2] = rates.outPps;
    values[o + 3] = rates.inBps;
    values[o + 4] = rates.outBps;
    this.gauges[o + 5] = activeConns;
    this.gauges[o + 6] = inactiveConns;
  }

  /** Oldest first. */
  toArray(): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    const values = this.rates;
    for (let sample = this.last - this.length + 1; sample <= this.last; sample += 1) {
      const o = this.offset(sample);
      out.push({
        at: this.clock.timeOf(sample),
        cps: values[o]!,
        inPps: values[o + 1]!,
        outPps: values[o + 2]!,
        inBps: values[o + 3]!,
        outBps: values[o + 4]!,
        activeConns: this.gauges[o + 5]!,
        inactiveConns: this.gauges[o + 6]!,
      });
    }
    return out;
  }
}

import type { HistoryPoint, Rates } from '@ipvs-dashboard/shared';

/**
 * The times of the last `capacity` samples, shared by every series of a history store: every row present
 * has a point at every sample (the series of a row that left is forgotten), so a series needs only the
 * number of its first sample.
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

/** Values per stored point: five rates, then the two connection gauges. */
const STRIDE = 7;
/** Stored points a new series has room for; it doubles up to the capacity as points are stored. */
const INITIAL_POINTS = 4;

/**
 * A series of history points, one per sample of its clock from its first push to the clock's current
 * sample (the last `capacity` of them), that stores a point only when it differs from the one before: a
 * sample without a push, or a push of the same numbers, repeats the previous point. An idle real server
 * (zero rates, the same gauges) thus holds one stored point, and its sampler need not touch it at all. Most
 * of the 11,000 series of a 1,000 x 10 table are idle most of the time; one point for every sample of each
 * was 277 MB once 15 minutes were full, and reading back 11,000 scattered points a second to compare them
 * cost more CPU than the points saved (bench:ws), so callers skip the push when they know nothing moved.
 *
 * Stored points sit in a ring, point by point in one buffer (the rates as float32, 7 significant digits,
 * plenty for a chart, and the gauges as uint32 like the kernel's atomic_t): 28 bytes each, plus 4 for the
 * sample number it starts at. The buffer starts small and doubles up to the capacity, so that creating the
 * series of a whole restored table allocates next to nothing.
 */
export class SeriesRing {
  private rates = new Float32Array(0);
  private gauges = new Uint32Array(0);
  /** The clock's sample number at which each stored point starts. */
  private starts = new Uint32Array(0);
  /** Where the oldest stored point is in the ring, and how many are stored. */
  private head = 0;
  private stored = 0;
  /** Number of the clock's sample of this series' first point (-1 before any); its last is the current one. */
  private first = -1;

  constructor(private readonly clock: SampleClock) {
    this.allocate(Math.min(clock.capacity, INITIAL_POINTS));
  }

  /** Number of stored points (what the memory holds); `length` is the number of points the series has. */
  get storedPoints(): number {
    return this.stored;
  }

  get length(): number {
    return this.first < 0 ? 0 : Math.min(this.clock.current - this.first + 1, this.clock.capacity);
  }

  /** A ring of `points` stored points holding the current ones, oldest first from slot 0. */
  private allocate(points: number): void {
    const buffer = new ArrayBuffer(points * STRIDE * 4);
    const rates = new Float32Array(buffer);
    const gauges = new Uint32Array(buffer);
    const starts = new Uint32Array(points);
    const size = this.starts.length;
    const old = this.gauges;
    for (let k = 0; k < this.stored; k++) {
      const from = (this.head + k) % size;
      // Copied as raw 32-bit words (the rates and gauges share the buffer), without a view per point.
      for (let w = 0; w < STRIDE; w++) gauges[k * STRIDE + w] = old[from * STRIDE + w]!;
      starts[k] = this.starts[from]!;
    }
    this.rates = rates;
    this.gauges = gauges;
    this.starts = starts;
    this.head = 0;
  }

  /** Sets this series' point of the clock's current sample (at most once per sample). */
  push(rates: Rates, activeConns: number, inactiveConns: number): void {
    const sample = this.clock.current;
    if (this.first < 0) this.first = sample;
    if (this.stored === 0 || !this.repeats(rates, activeConns, inactiveConns)) {
      // Room for one more than the capacity: the oldest point goes only once this one is in.
      if (this.stored === this.starts.length) {
        this.allocate(Math.min(this.clock.capacity + 1, this.starts.length * 2));
      }
      const slot = (this.head + this.stored) % this.starts.length;
      const o = slot * STRIDE;
      const values = this.rates;
      values[o] = rates.cps;
      values[o + 1] = rates.inPps;
      values[o + 2] = rates.outPps;
      values[o + 3] = rates.inBps;
      values[o + 4] = rates.outBps;
      this.gauges[o + 5] = activeConns;
      this.gauges[o + 6] = inactiveConns;
      this.starts[slot] = sample;
      this.stored += 1;
    }
    this.dropBefore(sample);
  }

  /** Whether the newest stored point holds these numbers (as stored: the rates rounded to float32). */
  private repeats(rates: Rates, activeConns: number, inactiveConns: number): boolean {
    const o = ((this.head + this.stored - 1) % this.starts.length) * STRIDE;
    const values = this.rates;
    return (
      values[o] === Math.fround(rates.cps) &&
      values[o + 1] === Math.fround(rates.inPps) &&
      values[o + 2] === Math.fround(rates.outPps) &&
      values[o + 3] === Math.fround(rates.inBps) &&
      values[o + 4] === Math.fround(rates.outBps) &&
      this.gauges[o + 5] === activeConns >>> 0 &&
      this.gauges[o + 6] === inactiveConns >>> 0
    );
  }

  /**
   * Forgets stored points no longer needed once `sample` is the newest: those followed by another that
   * starts at or before the oldest sample still kept (the capacity's worth ending at `sample`).
   */
  private dropBefore(sample: number): void {
    const oldestKept = sample - this.clock.capacity + 1;
    const size = this.starts.length;
    while (this.stored > 1 && this.starts[(this.head + 1) % size]! <= oldestKept) {
      this.head = (this.head + 1) % size;
      this.stored -= 1;
    }
  }

  /** Oldest first, one point per sample; stored points older than the window are skipped. */
  /** The series' points, oldest first; with `last`, only the newest `last` of them. */
  toArray(last = Infinity): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    const size = this.starts.length;
    const newest = this.clock.current;
    let k = 0;
    for (let sample = newest - Math.min(this.length, last) + 1; sample <= newest; sample += 1) {
      while (k + 1 < this.stored && this.starts[(this.head + k + 1) % size]! <= sample) k += 1;
      const o = ((this.head + k) % size) * STRIDE;
      out.push({
        at: this.clock.timeOf(sample),
        cps: this.rates[o]!,
        inPps: this.rates[o + 1]!,
        outPps: this.rates[o + 2]!,
        inBps: this.rates[o + 3]!,
        outBps: this.rates[o + 4]!,
        activeConns: this.gauges[o + 5]!,
        inactiveConns: this.gauges[o + 6]!,
      });
    }
    return out;
  }
}

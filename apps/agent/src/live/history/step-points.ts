import type { Rates } from '@ipvs-dashboard/shared';

/** 32-bit words per point: the sample it starts at, five rates (float32), two connection gauges (uint32). */
const WORDS = 8;
/** Points a new series has room for; 11,000 series are created at once when a table is restored. */
const INITIAL_POINTS = 4;

/**
 * A step function over sample numbers, oldest point first: each point holds from its start sample until the
 * next point's. All of a series' points live in one ArrayBuffer (one allocation and two views a series,
 * not an object a point), viewed as float32 for the rates (7 significant digits; the charts show 3) and as
 * uint32 for the start and the gauges (the kernel's are 32-bit atomic_t). The slot after the last point is
 * scratch: a new point is written there, and kept only if it differs from the one before.
 */
export class StepPoints {
  private words: Uint32Array;
  private floats: Float32Array;
  /** Number of points. */
  count = 0;

  constructor() {
    this.words = new Uint32Array(INITIAL_POINTS * WORDS);
    this.floats = new Float32Array(this.words.buffer);
  }

  /** Room for `points` points and the scratch slot: grows by half, shrinks when a quarter is used. */
  private fit(points: number): void {
    const size = this.words.length / WORDS;
    let next = size;
    if (points + 1 > size) next = Math.max(points + 1, Math.ceil(size * 1.5));
    else if (size > INITIAL_POINTS && (points + 1) * 4 <= size) next = Math.max(INITIAL_POINTS, size >> 1);
    if (next === size) return;
    const words = new Uint32Array(next * WORDS);
    words.set(this.words.subarray(0, this.count * WORDS));
    this.words = words;
    this.floats = new Float32Array(words.buffer);
  }

  start(i: number): number {
    return this.words[i * WORDS]!;
  }

  setStart(i: number, sample: number): void {
    this.words[i * WORDS] = sample;
  }

  /** Rate `field` (0 cps, 1 inPps, 2 outPps, 3 inBps, 4 outBps) or gauge (5 active, 6 inactive) of point i. */
  value(i: number, field: number): number {
    return field < 5 ? this.floats[i * WORDS + 1 + field]! : this.words[i * WORDS + 1 + field]!;
  }

  /** Writes the scratch slot (after the last point), starting at `sample`. */
  writeScratch(sample: number, rates: Rates, activeConns: number, inactiveConns: number): void {
    this.fit(this.count);
    const o = this.count * WORDS;
    const floats = this.floats;
    this.words[o] = sample;
    floats[o + 1] = rates.cps;
    floats[o + 2] = rates.inPps;
    floats[o + 3] = rates.outPps;
    floats[o + 4] = rates.inBps;
    floats[o + 5] = rates.outBps;
    this.words[o + 6] = activeConns;
    this.words[o + 7] = inactiveConns;
  }

  /** Writes the scratch slot from seven values in the order of value(). */
  writeScratchValues(sample: number, values: Float64Array): void {
    this.fit(this.count);
    this.writeValues(this.count, sample, values);
  }

  /** Writes point i from seven values in the order of value(), the gauges rounded to whole connections. */
  writeValues(i: number, sample: number, values: Float64Array): void {
    const o = i * WORDS;
    this.words[o] = sample;
    for (let f = 0; f < 5; f++) this.floats[o + 1 + f] = values[f]!;
    this.words[o + 6] = Math.round(values[5]!);
    this.words[o + 7] = Math.round(values[6]!);
  }

  /** Whether points i and j hold the same numbers, as stored (their starts aside). */
  same(i: number, j: number): boolean {
    const a = i * WORDS;
    const b = j * WORDS;
    const words = this.words;
    for (let w = 1; w < WORDS; w++) if (words[a + w] !== words[b + w]) return false;
    return true;
  }

  /** Keeps the scratch point as the newest unless it repeats the one before; returns whether it did. */
  commitScratch(): boolean {
    if (this.count > 0 && this.same(this.count - 1, this.count)) return false;
    this.count += 1;
    return true;
  }

  /** Removes `remove` points at index `at` and opens `insert` slots there (their contents unset). */
  splice(at: number, remove: number, insert: number): void {
    const count = this.count + insert - remove;
    if (insert > remove) this.fit(count);
    this.words.copyWithin((at + insert) * WORDS, (at + remove) * WORDS, this.count * WORDS);
    this.count = count;
    if (insert < remove) this.fit(count);
  }
}

import type { HistoryPoint, Rates } from '@ipvs-dashboard/shared';
import type { SampleClock } from './sample-clock.js';
import { StepPoints } from './step-points.js';

export { SampleClock } from './sample-clock.js';

/** Sums of the seven numbers of a point over a bucket (one at a time: JavaScript is single-threaded). */
const sums = new Float64Array(7);

/**
 * A series of history points, one per sample of its clock from its first push to the clock's current
 * sample (the last `capacity` of them), that stores a point only when it differs from the one before: a
 * sample without a push, or a push of the same numbers, repeats the previous point. An idle real server
 * (zero rates, the same gauges) thus holds one stored point, and its sampler need not touch it at all: most
 * of the 11,000 series of a 1,000 x 10 table are idle most of the time, and reading back 11,000 scattered
 * points a second to compare them cost more CPU than the points saved (bench:ws), so callers skip the push
 * when they know nothing moved.
 *
 * As points age past a tier's span they are replaced by the means of the next tier's buckets of samples
 * (history-tiers.ts; buckets aligned on sample numbers, gauges rounded to whole connections). That happens
 * when the series is next pushed or read, so an idle series costs nothing meanwhile.
 */
export class SeriesRing {
  private readonly points = new StepPoints();
  /** Number of the clock's sample of this series' first point (-1 before any); its last is the current one. */
  private first = -1;
  /** edges[k]: the first sample not yet turned into tier k's means (k >= 1; a multiple of its `every`). */
  private readonly edges: number[] = [];

  constructor(private readonly clock: SampleClock) {}

  /** Number of stored points (what the memory holds); `length` is the number of points the series has. */
  get storedPoints(): number {
    return this.points.count;
  }

  get length(): number {
    return this.first < 0 ? 0 : Math.min(this.clock.current - this.first + 1, this.clock.capacity);
  }

  /** Sets this series' point of the clock's current sample (at most once per sample). */
  push(rates: Rates, activeConns: number, inactiveConns: number): void {
    const sample = this.clock.current;
    if (this.first < 0) {
      this.first = sample;
      const tiers = this.clock.tiers;
      for (let k = 1; k < tiers.length; k++) this.edges[k] = sample - (sample % tiers[k]!.every);
    } else {
      this.age(sample);
    }
    this.points.writeScratch(sample, rates, activeConns, inactiveConns);
    this.points.commitScratch();
    this.dropBefore(sample);
  }

  /** Turns samples past each tier's span (with `sample` the newest) into the next tier's means. */
  private age(sample: number): void {
    const tiers = this.clock.tiers;
    for (let k = 1; k < tiers.length; k++) {
      const every = tiers[k]!.every;
      // Buckets wholly older than the finer tier's span; none older than the window is worth making.
      const limit = sample - tiers[k - 1]!.span + 1;
      const oldest = sample - this.clock.capacity + 1;
      let edge = Math.max(this.edges[k]!, oldest - (oldest % every));
      while (edge + every <= limit) edge = this.meanOf(edge, every, limit);
      this.edges[k] = edge;
    }
  }

  /**
   * Replaces the points of samples [from, from + every) by their mean; returns the next bucket to make.
   * A bucket with no point starting in it already holds one value throughout: it and those after it, up to
   * the next point or `limit`, are skipped in one step.
   */
  private meanOf(from: number, every: number, limit: number): number {
    const points = this.points;
    const to = from + every;
    // inside: the points starting in the bucket; before: the last one starting earlier (-1 if none).
    let inside = 0;
    while (inside < points.count && points.start(inside) < from) inside += 1;
    const before = inside - 1;
    let end = inside;
    while (end < points.count && points.start(end) < to) end += 1;
    if (end === inside) {
      const next = end < points.count ? points.start(end) : Infinity;
      const stop = Math.min(next, limit);
      return Math.max(to, stop - (stop % every));
    }
    sums.fill(0);
    let covered = 0;
    let firstCovered = -1;
    for (let i = Math.max(before, 0); i < end; i++) {
      const lo = Math.max(points.start(i), from);
      const hi = i + 1 < points.count ? Math.min(points.start(i + 1), to) : to;
      if (hi <= lo) continue;
      if (firstCovered < 0) firstCovered = lo;
      covered += hi - lo;
      for (let f = 0; f < 7; f++) sums[f]! += points.value(i, f) * (hi - lo);
    }
    for (let f = 0; f < 7; f++) sums[f]! /= covered;
    // The last point inside goes on after the bucket unless the next point starts right at its end.
    const continues = end === points.count || points.start(end) > to;
    // Compared in the scratch slot as it will be stored; then the bucket's points become [mean?, last?].
    points.writeScratchValues(firstCovered, sums);
    const scratch = points.count;
    const keepMean = before < 0 || !points.same(before, scratch);
    const last = end - 1;
    const keepLast = continues && !points.same(last, keepMean ? scratch : before);
    if (keepLast) points.setStart(last, to);
    points.splice(inside, end - inside - (keepLast ? 1 : 0), keepMean ? 1 : 0);
    if (keepMean) points.writeValues(inside, firstCovered, sums);
    return to;
  }

  /**
   * Forgets stored points no longer needed once `sample` is the newest: those followed by another that
   * starts at or before the oldest sample still kept (the capacity's worth ending at `sample`).
   */
  private dropBefore(sample: number): void {
    const oldestKept = sample - this.clock.capacity + 1;
    let drop = 0;
    while (drop + 1 < this.points.count && this.points.start(drop + 1) <= oldestKept) drop += 1;
    if (drop > 0) this.points.splice(0, drop, 0);
  }

  /** The series' points, oldest first, one per sample; with `last`, only the newest `last` of them. */
  toArray(last = Infinity): HistoryPoint[] {
    const points = this.points;
    const newest = this.clock.current;
    if (this.first >= 0) {
      this.age(newest);
      this.dropBefore(newest);
    }
    const out: HistoryPoint[] = [];
    let k = 0;
    for (let sample = newest - Math.min(this.length, last) + 1; sample <= newest; sample += 1) {
      while (k + 1 < points.count && points.start(k + 1) <= sample) k += 1;
      out.push({
        at: this.clock.timeOf(sample),
        cps: points.value(k, 0),
        inPps: points.value(k, 1),
        outPps: points.value(k, 2),
        inBps: points.value(k, 3),
        outBps: points.value(k, 4),
        activeConns: points.value(k, 5),
        inactiveConns: points.value(k, 6),
      });
    }
    return out;
  }
}

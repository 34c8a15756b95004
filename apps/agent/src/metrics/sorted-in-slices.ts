/** Runs sorted natively before merging; small enough that one sort is a short block of the event loop. */
const RUN = 512;
/** Elements merged between pauses. */
const MERGE_SLICE = 2048;

/**
 * Sorts `items` by `key` (plain string order, as Go compares strings) like Array.prototype.sort, but as a
 * generator that yields '' every few thousand steps, so a 10,000-row sort never holds the event loop in
 * one piece. Returns the sorted array.
 */
export function* sortInSlices<T>(items: readonly T[], key: (item: T) => string): Generator<string, T[]> {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  yield '';
  const compare = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  let runs: { item: T; key: string }[][] = [];
  for (let start = 0; start < keyed.length; start += RUN) {
    runs.push(keyed.slice(start, start + RUN).sort(compare));
    yield '';
  }
  let steps = 0;
  while (runs.length > 1) {
    const merged: { item: T; key: string }[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const left = runs[r] ?? [];
      const right = runs[r + 1];
      if (right === undefined) {
        merged.push(left);
        continue;
      }
      const out: { item: T; key: string }[] = [];
      let i = 0;
      let j = 0;
      while (i < left.length || j < right.length) {
        const a = left[i];
        const b = right[j];
        // Stable: on equal keys the left run's element goes first.
        if (b === undefined || (a !== undefined && a.key <= b.key)) {
          out.push(a as { item: T; key: string });
          i++;
        } else {
          out.push(b);
          j++;
        }
        if (++steps % MERGE_SLICE === 0) yield '';
      }
      merged.push(out);
    }
    runs = merged;
  }
  return (runs[0] ?? []).map((entry) => entry.item);
}

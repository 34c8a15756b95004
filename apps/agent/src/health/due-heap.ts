// A binary min-heap of entries by due time: the check scheduler's queue. 10,000 real servers cost one
// array and O(log n) per push or pop, instead of 10,000 Node timers, each of which reads the clock (a real
// system call in the user-mode Linux guest, where there is no vDSO) when it is armed.

export interface DueEntry<T> {
  dueAt: number;
  item: T;
  /** The item's schedule token when pushed: a newer token means the entry was replaced or cancelled. */
  token: number;
}

export class DueHeap<T> {
  private readonly entries: DueEntry<T>[] = [];

  get size(): number {
    return this.entries.length;
  }

  peek(): DueEntry<T> | undefined {
    return this.entries[0];
  }

  push(entry: DueEntry<T>): void {
    const entries = this.entries;
    entries.push(entry);
    let i = entries.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (entries[parent]!.dueAt <= entry.dueAt) break;
      entries[i] = entries[parent]!;
      i = parent;
    }
    entries[i] = entry;
  }

  pop(): DueEntry<T> | undefined {
    const entries = this.entries;
    const top = entries[0];
    const last = entries.pop();
    if (top === undefined || last === undefined || entries.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= entries.length) break;
      const right = left + 1;
      const child = right < entries.length && entries[right]!.dueAt < entries[left]!.dueAt ? right : left;
      if (entries[child]!.dueAt >= last.dueAt) break;
      entries[i] = entries[child]!;
      i = child;
    }
    entries[i] = last;
    return top;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

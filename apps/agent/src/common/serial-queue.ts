// Used by every layer (the monitor's reads and changes, the kernel snapshot reader): a small utility with no imports.
/** Runs async jobs one at a time in call order; a failed job does not stop the ones after it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

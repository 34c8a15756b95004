// The W3C Server-Timing response header (https://www.w3.org/TR/server-timing/): how long each step of a
// long request took, visible in the browser's network panel and to scripts, e.g. a restore's parse,
// read, plan and apply.
import type { RequestHandler, Response } from 'express';
import { performance } from 'node:perf_hooks';

/** Middleware: notes when a request reached the API, before its body was read (see `arrivalOf`). */
export const stampArrival: RequestHandler = (_request, response, next) => {
  response.locals.arrivedAt = performance.now();
  next();
};

/** When the request reached the API (performance.now()), so a route can time its upload and checks. */
export function arrivalOf(response: Response): number {
  const at: unknown = response.locals.arrivedAt;
  return typeof at === 'number' ? at : performance.now();
}

export class ServerTiming {
  private readonly entries: string[] = [];

  measure<T>(name: string, step: () => T): T {
    const started = performance.now();
    try {
      return step();
    } finally {
      this.record(name, started);
    }
  }

  async measureAsync<T>(name: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.record(name, started);
    }
  }

  /** Records the time from `started` (performance.now()) until now, e.g. a wait in a queue. */
  since(name: string, started: number): void {
    this.record(name, started);
  }

  /** `parse;dur=12.3, plan;dur=4.5`: milliseconds, one decimal. */
  header(): string {
    return this.entries.join(', ');
  }

  private record(name: string, started: number): void {
    this.entries.push(`${name};dur=${(performance.now() - started).toFixed(1)}`);
  }
}

import type { Request, Response } from 'express';
import { AppError, type SavableService, type ServiceWithDestinations } from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../ipvs/backend.js';
import type { TableMonitor } from '../live/table-monitor.js';
import type { QuiesceStore } from '../state/index.js';

/** The ipvsadm save/restore text format (shared ipvsadm-format), as the /config routes need it. */
export interface ConfigTextFormat {
  /** `ipvsadm -Sn` text (with -x/-y thresholds) of a table. */
  format(table: readonly ServiceWithDestinations[]): string;
  /** Restore text to the whole table it describes; throws VALIDATION_FAILED naming the line. */
  parse(text: string): SavableService[];
}

/** What every route handler may use: the backend, the one poller, remembered state, and how we started. */
export interface AgentContext {
  backend: IpvsBackend;
  monitor: TableMonitor;
  quiesce: QuiesceStore;
  /** Why this backend was chosen; null when the user asked for it by name. */
  backendReason: string | null;
  configText: ConfigTextFormat;
  intervalMs: number;
}

/** Weak ETag of a table generation; clients echo it (or the bare number) in If-Match. */
export function generationTag(generation: number): string {
  return `W/"${generation}"`;
}

function parseIfMatch(header: string): number | null {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Runs one mutation through the poller (see TableMonitor.apply): refuses with CONFLICT when the client's
 * If-Match names a generation the table has moved past, and sets the new ETag on the response.
 */
export async function mutate<T>(
  context: AgentContext,
  request: Request,
  response: Response,
  change: () => Promise<T>,
): Promise<T> {
  const ifMatch = request.headers['if-match'];
  let expected: number | null = null;
  if (typeof ifMatch === 'string' && ifMatch.trim() !== '*') {
    expected = parseIfMatch(ifMatch);
    if (expected === null) {
      throw new AppError('VALIDATION_FAILED', 'If-Match must hold the ETag of GET /services.', {
        field: 'if-match',
      });
    }
  }
  const { result, generation } = await context.monitor.apply(
    change,
    expected,
    () => new AppError('CONFLICT'),
  );
  response.setHeader('ETag', generationTag(generation));
  return result;
}

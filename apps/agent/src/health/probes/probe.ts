// What one check of one real server needs and what it answers. Probes never throw: every failure is an
// outcome with a short detail ("connect refused", "timed out after 1000 ms"), shown on the card.
import type { DestinationKey, HealthCheck, ServiceKey } from '@ipvs-dashboard/shared';

export interface ProbeTarget {
  /** The real server's address and the port to check (the check's port, else the real server's). */
  address: string;
  port: number;
  /** The row checked: the simulated probe answers from its traffic model by these. */
  service: ServiceKey;
  destination: DestinationKey;
}

export interface ProbeOutcome {
  ok: boolean;
  detail: string;
}

export type Probe = (target: ProbeTarget, check: HealthCheck) => Promise<ProbeOutcome>;

/** A socket error as the card shows it: "connect refused" rather than "ECONNREFUSED". */
export function networkDetail(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connect refused';
    case 'EHOSTUNREACH':
      return 'host unreachable';
    case 'ENETUNREACH':
      return 'network unreachable';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EADDRNOTAVAIL':
      return 'source address not available';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

export const timedOut = (ms: number) => `timed out after ${Math.round(ms)} ms`;

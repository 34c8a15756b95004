import type { DestinationKey, HealthCheckKind, ServiceKey } from '@ipvs-dashboard/shared';
import type { Probe } from './probe.js';

/** What the simulated backend answers a check with (simulated-backend.ts), from its traffic model. */
export interface SimulatedChecks {
  simulatedCheck(
    service: ServiceKey,
    dest: DestinationKey,
    kind: HealthCheckKind,
  ): { ok: boolean; detail: string };
}

/**
 * The probe of the simulated backend: never a packet to the table's addresses (they are made up, and may
 * be someone's real ones); the traffic model says whether the simulated server is up.
 */
export function simulatedProbe(backend: SimulatedChecks): Probe {
  return (target, check) => {
    try {
      return Promise.resolve(backend.simulatedCheck(target.service, target.destination, check.kind));
    } catch (error) {
      return Promise.resolve({ ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
}

export function hasSimulatedChecks(backend: object): backend is SimulatedChecks {
  return typeof (backend as Partial<SimulatedChecks>).simulatedCheck === 'function';
}

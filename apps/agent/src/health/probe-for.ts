import type { IpvsBackend } from '../ipvs/backend/backend.js';
import type { Probe } from './probes/probe.js';
import { networkProbe } from './probes/network-probe.js';
import { hasSimulatedChecks, simulatedProbe } from './probes/simulated-probe.js';

/** The kernel's checks go over the network; the simulated backend's never do (its traffic model answers). */
export function probeFor(backend: IpvsBackend): Probe {
  if (backend.kind !== 'simulated') return networkProbe;
  if (hasSimulatedChecks(backend)) return simulatedProbe(backend);
  return () => Promise.resolve({ ok: false, detail: 'this simulated backend cannot answer checks' });
}

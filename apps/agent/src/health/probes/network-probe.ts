import type { HealthCheck } from '@ipvs-dashboard/shared';
import { commandProbe } from './command-probe.js';
import { httpProbe } from './http-probe.js';
import type { ProbeOutcome, ProbeTarget } from './probe.js';
import { tcpProbe } from './tcp-probe.js';

/** The probe of the kernel backend: real connections and processes, by the check's kind. */
export function networkProbe(target: ProbeTarget, check: HealthCheck): Promise<ProbeOutcome> {
  switch (check.kind) {
    case 'tcp':
      return tcpProbe(target, check);
    case 'http':
    case 'https':
      return httpProbe(target, check);
    case 'command':
      return commandProbe(target, check);
  }
}

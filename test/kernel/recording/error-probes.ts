// Requests the kernel refuses, with the errno it answers (ip_vs_ctl.c: EEXIST, ESRCH, ERANGE, ENOENT for a
// missing destination; ip_vs_sched.c: ENOENT for an unknown scheduler) and the catalogue code ipvsadm's
// table gives it.
import {
  IpvsCmd,
  packDaemonStop,
  packDestinationFull,
  packDestinationIdentity,
  packServiceFull,
  packServiceIdentity,
} from '@ipvs-dashboard/agent/ipvs';
import type { ServiceKey } from '@ipvs-dashboard/shared';
import { destination, service, tcp } from '../client/inputs.js';
import type { Exchange } from './fixture-recorder.js';

export interface ErrorProbe extends Exchange {
  expected: { operation: string; errno: number; code: string };
}

function probe(
  file: string,
  holds: string,
  cmd: number,
  attributes: Buffer,
  expected: ErrorProbe['expected'],
) {
  return { file, holds, cmd, dump: false, attributes, expected };
}

/** Probes against a table holding `existing` with real server 10.20.0.2:80 and no master sync daemon. */
export function errorProbes(existing: ServiceKey): ErrorProbe[] {
  const missing = tcp('10.10.10.99', 80);
  return [
    probe(
      'error-service-exists.bin',
      'NEW_SERVICE for a service that exists',
      IpvsCmd.NEW_SERVICE,
      packServiceFull(service(existing, { scheduler: 'rr' })),
      { operation: 'add-service', errno: 17, code: 'SERVICE_EXISTS' },
    ),
    probe(
      'error-scheduler-not-found.bin',
      'NEW_SERVICE with scheduler "nosuch"',
      IpvsCmd.NEW_SERVICE,
      packServiceFull(service(tcp('10.10.10.11', 80), { scheduler: 'nosuch' })),
      { operation: 'add-service', errno: 2, code: 'SCHEDULER_NOT_FOUND' },
    ),
    probe(
      'error-service-not-found.bin',
      'DEL_SERVICE for TCP 10.10.10.99:80 (not defined)',
      IpvsCmd.DEL_SERVICE,
      packServiceIdentity(missing),
      { operation: 'delete-service', errno: 3, code: 'SERVICE_NOT_FOUND' },
    ),
    probe(
      'error-destination-not-found.bin',
      'DEL_DEST of 10.99.0.2:80, not in the service',
      IpvsCmd.DEL_DEST,
      packDestinationIdentity(existing, { address: '10.99.0.2', port: 80 }),
      { operation: 'delete-destination', errno: 2, code: 'DESTINATION_NOT_FOUND' },
    ),
    probe(
      'error-out-of-range.bin',
      'NEW_DEST with lower threshold 10 > upper 5',
      IpvsCmd.NEW_DEST,
      packDestinationFull(existing, destination('10.20.0.9', 80, { upperThreshold: 5, lowerThreshold: 10 })),
      { operation: 'add-destination', errno: 34, code: 'OUT_OF_RANGE' },
    ),
    probe(
      'error-daemon-not-running.bin',
      'DEL_DAEMON master when none runs',
      IpvsCmd.DEL_DAEMON,
      packDaemonStop('master'),
      { operation: 'stop-daemon', errno: 3, code: 'DAEMON_NOT_RUNNING' },
    ),
  ];
}

// Health checks in an export, as companion lines (ipvsadm-format/companion-lines.ts). One line per check:
//   # ipvs-dashboard check tcp:10.0.0.1:80 {"kind":"http",...}              (the service's check)
//   # ipvs-dashboard check tcp:10.0.0.1:80 10.0.1.2:80 {"kind":"tcp",...}   (one real server's own)
import { parseDestinationId, parseServiceId, destinationId, serviceId } from '../ids.js';
import {
  companionLineProblem,
  formatCompanionLine,
  parseCompanionLines,
} from '../ipvsadm-format/companion-lines.js';
import { healthCheckSchema, type HealthCheck } from './health-check.js';

/** A check and what it is set on: a service (destination null) or one of its real servers. */
export interface CheckAssignment {
  /** serviceId() */
  service: string;
  /** destinationId(), or null for the service's own check. */
  destination: string | null;
  check: HealthCheck;
}

const lineKind = {
  kind: 'check',
  minIds: 1,
  maxIds: 2,
  usage: '<service> [<real server>] {json}',
  schema: healthCheckSchema,
};

export function formatCheckLines(assignments: readonly CheckAssignment[]): string {
  return assignments
    .map((a) =>
      formatCompanionLine(
        'check',
        a.destination === null ? [a.service] : [a.service, a.destination],
        a.check,
      ),
    )
    .join('\n');
}

/** A problem with a check line, named by its line like every restore problem. */
export const checkLineProblem = companionLineProblem;

/** The check lines of a restore text (every other line is ignored here); a malformed one is refused by its line. */
export function parseCheckLines(text: string): (CheckAssignment & { line: number })[] {
  return parseCompanionLines(text, lineKind, ([service, destination], check) => ({
    service: serviceId(parseServiceId(service!)),
    destination: destination === undefined ? null : destinationId(parseDestinationId(destination)),
    check,
  }));
}

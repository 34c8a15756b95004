// Service policies in an export, as companion lines (ipvsadm-format/companion-lines.ts). One line each:
//   # ipvs-dashboard policy tcp:10.0.0.1:80 {"slowStartSeconds":30,"sorryServer":{...}}
import { formatCompanionLine, parseCompanionLines } from '../ipvsadm-format/companion-lines.js';
import { parseServiceId, serviceId } from '../ids.js';
import { servicePolicySchema, type ServicePolicy } from './service-policy.js';

export interface PolicyAssignment {
  /** serviceId() */
  service: string;
  policy: ServicePolicy;
}

const lineKind = {
  kind: 'policy',
  minIds: 1,
  maxIds: 1,
  usage: '<service> {json}',
  schema: servicePolicySchema,
};

export function formatPolicyLines(assignments: readonly PolicyAssignment[]): string {
  return assignments.map((a) => formatCompanionLine('policy', [a.service], a.policy)).join('\n');
}

/** The policy lines of a restore text (every other line is ignored here); a malformed one is refused by its line. */
export function parsePolicyLines(text: string): (PolicyAssignment & { line: number })[] {
  return parseCompanionLines(text, lineKind, ([service], policy) => ({
    service: serviceId(parseServiceId(service!)),
    policy,
  }));
}

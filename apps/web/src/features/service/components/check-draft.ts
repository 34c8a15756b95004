import type { HealthCheck, HealthCheckKind } from '@ipvs-dashboard/shared';
import { numberFrom } from '../../../lib/forms/use-form-check';

// The health check form's fields as typed (text), and the check they make. The shared healthCheckSchema
// judges the result, so the form shows the agent's own rules next to each field before anything is sent.

export interface CheckDraft {
  kind: HealthCheckKind;
  intervalSeconds: string;
  timeoutSeconds: string;
  rise: string;
  fall: string;
  /** Blank: the real server's own port. */
  port: string;
  path: string;
  /** Status codes separated by commas or spaces. */
  expectStatus: string;
  bodyContains: string;
  host: string;
  verifyTls: boolean;
  command: string;
}

/** The fields the form shows, in the order the schema may name them. */
export const CHECK_FIELDS = [
  'kind',
  'intervalSeconds',
  'timeoutSeconds',
  'rise',
  'fall',
  'port',
  'path',
  'expectStatus',
  'bodyContains',
  'host',
  'verifyTls',
  'command',
] as const;

/** A new check starts as keepalived's TCP_CHECK usually runs: every 2 s, 1 s to answer, 2 up, 3 down. */
export function checkDraftOf(check: HealthCheck | null): CheckDraft {
  return {
    kind: check?.kind ?? 'tcp',
    intervalSeconds: String(check?.intervalSeconds ?? 2),
    timeoutSeconds: String(check?.timeoutSeconds ?? 1),
    rise: String(check?.rise ?? 2),
    fall: String(check?.fall ?? 3),
    port: check?.port === undefined ? '' : String(check.port),
    path: check?.path ?? '/',
    expectStatus: (check?.expectStatus ?? [200]).join(', '),
    bodyContains: check?.bodyContains ?? '',
    host: check?.host ?? '',
    verifyTls: check?.verifyTls ?? false,
    command: check?.command ?? '',
  };
}

export const isHttpKind = (kind: HealthCheckKind) => kind === 'http' || kind === 'https';

/** The check the draft describes; fields its kind does not take are left out (the schema refuses them). */
export function checkFromDraft(draft: CheckDraft): HealthCheck {
  const check: HealthCheck = {
    kind: draft.kind,
    intervalSeconds: numberFrom(draft.intervalSeconds),
    timeoutSeconds: numberFrom(draft.timeoutSeconds),
    rise: numberFrom(draft.rise),
    fall: numberFrom(draft.fall),
  };
  if (draft.port.trim() !== '') check.port = numberFrom(draft.port);
  if (isHttpKind(draft.kind)) {
    check.path = draft.path.trim();
    const codes = draft.expectStatus.split(/[\s,]+/).filter((code) => code !== '');
    check.expectStatus = codes.map(numberFrom);
    if (draft.bodyContains !== '') check.bodyContains = draft.bodyContains;
    if (draft.host.trim() !== '') check.host = draft.host.trim();
  }
  if (draft.kind === 'https') check.verifyTls = draft.verifyTls;
  if (draft.kind === 'command') check.command = draft.command;
  return check;
}

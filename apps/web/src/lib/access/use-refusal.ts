import { useQuery } from '@tanstack/react-query';
import { refusalOf } from '@ipvs-dashboard/shared';
import { useT } from '../i18n/i18n-context';
import { callerQueryOptions } from '../table/get-caller';

// What the signed-in token may not do, asked with the request a control would send (method, path below
// /api/v1, body): the rule is the agent's own (shared access-roles.ts), so a control is disabled exactly
// when the agent would answer 403, and says why in the user's language. Until GET /session answers,
// nothing is refused (the agent still is the judge).

export type RequestShape = readonly [method: string, path: string, body?: unknown];

export function useRefusal(request: RequestShape | null): string | null {
  const t = useT();
  const { data: caller } = useQuery(callerQueryOptions());
  if (!caller || request === null) return null;
  const [method, path, body] = request;
  const refusal = refusalOf(caller, method, path, body);
  if (refusal === null) return null;
  if (refusal.kind === 'role')
    return t(refusal.needs === 'operator' ? 'role.needsOperator' : 'role.needsAdmin', {
      name: caller.name,
      role: caller.role,
    });
  const services = refusal.services.join(', ');
  return refusal.service === null
    ? t('role.wholeTable', { name: caller.name, services })
    : t('role.otherService', { name: caller.name, services });
}

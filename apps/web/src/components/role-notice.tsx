import { useQuery } from '@tanstack/react-query';
import { useT } from '../lib/i18n/i18n-context';
import { callerQueryOptions } from '../lib/table/get-caller';

// A token that cannot change everything says so before its first refused click (the agent answers 403
// with the same reason to anything the role does not allow).
export function RoleNotice() {
  const t = useT();
  const { data: caller } = useQuery(callerQueryOptions());
  if (!caller || (caller.role === 'admin' && caller.services === null)) return null;
  return (
    <div className="notice" role="status" data-testid="role-notice">
      <div style={{ flex: 1 }}>
        {caller.role !== 'admin' &&
          t(caller.role === 'viewer' ? 'role.viewer' : 'role.operator', { name: caller.name })}
        {caller.services && ` ${t('role.limited', { services: caller.services.join(', ') })}`}
      </div>
    </div>
  );
}

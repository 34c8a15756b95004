import { useQuery } from '@tanstack/react-query';
import { useT } from '../lib/i18n/i18n-context';
import { infoQueryOptions } from '../lib/table/get-info';

/** KERNEL or SIMULATED: never let anyone mistake the simulator for the real load balancer. */
export function BackendBadge() {
  const t = useT();
  const { data: info } = useQuery(infoQueryOptions());
  if (!info) return null;
  const simulated = info.backend === 'simulated';
  return (
    <span
      className={`badge ${simulated ? 'badge-simulated' : 'badge-kernel'}`}
      title={
        info.backendReason ??
        t(simulated ? 'badge.simulatedHint' : 'badge.kernelHint', { version: info.version })
      }
      data-testid="backend-badge"
    >
      {simulated ? t('badge.simulated') : t('badge.kernel')}
    </span>
  );
}

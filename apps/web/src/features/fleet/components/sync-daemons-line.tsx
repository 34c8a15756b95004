import { useQuery } from '@tanstack/react-query';
import type { FleetDirectorStatus } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';
import { directorDaemonsQueryOptions } from '../api/fleet-queries';

/** One side of a pair: which sync daemons run (a pair keeps connections in step with master and backup). */
export function SyncDaemonsLine({ director }: { director: FleetDirectorStatus }) {
  const t = useT();
  const daemons = useQuery(directorDaemonsQueryOptions(director));
  if (!daemons.data) return null;
  const text =
    daemons.data.length === 0
      ? t('fleet.noSyncDaemon')
      : daemons.data
          .map((daemon) => `${daemon.state} ${daemon.interface} (syncid ${daemon.syncId})`)
          .join(', ');
  return (
    <p data-testid={`sync-daemons-${director.name}`}>
      {t('fleet.syncDaemons', { name: director.name })}: {text}
    </p>
  );
}

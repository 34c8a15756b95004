import { useQuery } from '@tanstack/react-query';
import {
  connectionTotals,
  pairBalance,
  type ConnectionTotals,
  type FleetDirectorStatus,
} from '@ipvs-dashboard/shared';
import { formatCount } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import { directorDaemonsQueryOptions, directorTableQueryOptions } from '../api/fleet-queries';

/** Which sync daemons a side runs, as the words beside its name (both, when it runs both). */
function useSyncRole(director: FleetDirectorStatus): ('master' | 'backup')[] {
  const daemons = useQuery(directorDaemonsQueryOptions(director)).data ?? [];
  return (['master', 'backup'] as const).filter((state) => daemons.some((daemon) => daemon.state === state));
}

/**
 * Each side's active and inactive connections (from its own table, read like the diff's) and, when they
 * are far apart, a warning: a syncing backup should hold about as many entries as its master.
 */
export function PairConnections({ left, right }: { left: FleetDirectorStatus; right: FleetDirectorStatus }) {
  const t = useT();
  const leftTable = useQuery(directorTableQueryOptions(left)).data;
  const rightTable = useQuery(directorTableQueryOptions(right)).data;
  const roles = { left: useSyncRole(left), right: useSyncRole(right) };
  if (!leftTable || !rightTable) return null;
  const totals = { left: connectionTotals(leftTable), right: connectionTotals(rightTable) };
  const balance = pairBalance(totals.left.total, totals.right.total);
  const sides = [
    { side: 'left', director: left, total: totals.left, role: roles.left },
    { side: 'right', director: right, total: totals.right, role: roles.right },
  ] as const;
  const line = (name: string, total: ConnectionTotals) =>
    t('pairConnections.side', {
      name,
      active: formatCount(total.active),
      inactive: formatCount(total.inactive),
      total: formatCount(total.total),
    });
  return (
    <section className="card" data-testid="pair-connections" data-balance={balance.kind}>
      <h2>{t('pairConnections.title')}</h2>
      {sides.map(({ side, director, total, role }) => (
        <p
          key={side}
          data-testid={`pair-connections-${director.name}`}
          className={balance.kind === 'imbalanced' && balance.fewer === side ? 'pair-fewer' : undefined}
        >
          {line(director.name, total)}
          {role.map((state) => (
            <span key={state} className="chip">
              {t(state === 'master' ? 'pairConnections.master' : 'pairConnections.backup')}
            </span>
          ))}
        </p>
      ))}
      {balance.kind === 'imbalanced' ? (
        <p className="notice" role="alert" data-testid="pair-imbalance">
          {t('pairConnections.imbalanced', {
            fewer: balance.fewer === 'left' ? left.name : right.name,
            more: balance.fewer === 'left' ? right.name : left.name,
            percent: balance.percentFewer,
          })}
        </p>
      ) : (
        <p className="muted">
          {t(balance.kind === 'balanced' ? 'pairConnections.balanced' : 'pairConnections.tooFew')}
        </p>
      )}
    </section>
  );
}

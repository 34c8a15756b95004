import type { FleetDirectorStatus } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';
import { DirectorSparkline } from './director-sparkline';

/** One director at a glance: reachable or why not, its totals, servers up/held/down, VRRP. */
export function DirectorCard({ director }: { director: FleetDirectorStatus }) {
  const t = useT();
  return (
    <section
      className="card director-card"
      data-testid={`director-${director.name}`}
      data-reachable={String(director.reachable)}
      aria-label={director.name}
    >
      <div className="card-header">
        <h3>
          {director.name} {director.local && <span className="muted">({t('fleet.this')})</span>}
        </h3>
        <span className={director.reachable ? 'chip' : 'chip chip-warn'} data-testid="reachability">
          {director.reachable ? t('fleet.reachable') : t('fleet.unreachable')}
        </span>
      </div>
      {director.url && <div className="muted mono">{director.url}</div>}
      {director.error && (
        <p className="director-error" role="status" data-testid="director-error">
          {director.error}
        </p>
      )}
      {director.reachable && (
        <dl>
          <dt>{t('fleet.services')}</dt>
          <dd className="num" data-testid="services">
            {director.services}
          </dd>
          <dt>{t('fleet.realServers')}</dt>
          <dd className="num" data-testid="real-servers">
            {director.realServers} ({director.servers?.up ?? 0} {t('fleet.up')}, {director.servers?.held ?? 0}{' '}
            {t('fleet.held')}, {director.servers?.down ?? 0} {t('fleet.down')})
          </dd>
          <dt>{t('fleet.backend')}</dt>
          <dd>
            {director.backend && (
              <span className={`badge badge-${director.backend}`} data-testid="director-backend">
                {t(director.backend === 'simulated' ? 'badge.simulated' : 'badge.kernel')}
              </span>
            )}
          </dd>
          <dt>{t('fleet.version')}</dt>
          <dd>{director.version}</dd>
          {director.vrrp && (
            <>
              <dt>{t('fleet.vrrp')}</dt>
              <dd data-testid="vrrp">{director.vrrp.toUpperCase()}</dd>
            </>
          )}
        </dl>
      )}
      <DirectorSparkline name={director.name} />
      <div className="muted">{t('fleet.latency', { ms: Math.round(director.latencyMs) })}</div>
    </section>
  );
}

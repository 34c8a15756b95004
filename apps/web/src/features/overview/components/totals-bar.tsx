import { useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { Sparkline } from '../../../components/sparkline';
import { formatCount, formatRate, formatSi } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import { SPARKLINE_POINTS, type RatePoint } from '../../../lib/live/series';
import { overviewSeriesOptions } from '../../../lib/live/series-queries';
import { sumSeriesAfter, type SeriesSum } from '../../../lib/live/sum-series';
import { totalsQueryOptions } from '../../../lib/live/totals-query';
import { connectionCounts } from '../../../lib/table/service-label';

const readCps = (point: RatePoint) => point.cps;

/** The numbers at the top of the overview: table size, connections and the netns-wide rates. */
export function TotalsBar({ services }: { services: readonly ServiceWithDestinations[] }) {
  const t = useT();
  const { data: totals } = useQuery(totalsQueryOptions());
  const { data: series } = useQuery(overviewSeriesOptions());
  // Each sample adds one point per service: its sum is appended to the last one (sumSeriesAfter).
  const summed = useRef<SeriesSum | null>(null);
  const cps = useMemo(() => {
    summed.current = sumSeriesAfter(summed.current, series, readCps, SPARKLINE_POINTS);
    return summed.current.values;
  }, [series]);
  let active = 0;
  let inactive = 0;
  let servers = 0;
  for (const service of services) {
    const counts = connectionCounts(service);
    active += counts.active;
    inactive += counts.inactive;
    servers += service.destinations.length;
  }
  return (
    <section className="totals" aria-label={t('overview.totals')}>
      <div className="stat">
        <div className="stat-label">{t('overview.totalServices')}</div>
        <div className="stat-value">{formatCount(services.length)}</div>
        <div className="stat-sub">{t('overview.totalServers', { count: formatCount(servers) })}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('overview.col.active')}</div>
        <div className="stat-value">{formatCount(active)}</div>
        <div className="stat-sub">{t('overview.inactiveCount', { count: formatCount(inactive) })}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('overview.col.cps')}</div>
        <div className="stat-value">{formatRate(totals?.cps ?? 0, 'conns', t('unit.conns'))}</div>
        <Sparkline values={cps} label={t('overview.col.cps')} width={140} />
      </div>
      <div className="stat">
        <div className="stat-label">{t('overview.packetsInOut')}</div>
        <div className="stat-value">
          {formatSi(totals?.inPps ?? 0)} / {formatSi(totals?.outPps ?? 0)}
        </div>
        <div className="stat-sub">{t('unit.packets')}</div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('overview.bytesInOut')}</div>
        <div className="stat-value">
          {formatSi(totals?.inBps ?? 0)} / {formatSi(totals?.outBps ?? 0)}
        </div>
        <div className="stat-sub">
          {t('unit.bytes')} ·{' '}
          {formatRate((totals?.inBps ?? 0) + (totals?.outBps ?? 0), 'bits', t('unit.bits'))}
        </div>
      </div>
      <div className="stat">
        <div className="stat-label">{t('overview.totalConns')}</div>
        <div className="stat-value">{formatSi(totals?.conns ?? 0)}</div>
        <div className="stat-sub">{t('overview.sinceZero')}</div>
      </div>
    </section>
  );
}

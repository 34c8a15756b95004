import { useQuery } from '@tanstack/react-query';
import { Sparkline } from '../../../components/sparkline';
import { errorMessage } from '../../../lib/api/api-error';
import { formatSi } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import { infoQueryOptions } from '../../../lib/table/get-info';
import { fleetHistoryQueryOptions } from '../api/fleet-history-query';

function useFleetHistory() {
  const withPrometheus = Boolean(useQuery(infoQueryOptions()).data?.prometheus);
  return { withPrometheus, history: useQuery(fleetHistoryQueryOptions(withPrometheus)) };
}

/** One director's new connections a second over the last hour, from Prometheus; or why there is no line. */
export function DirectorSparkline({ name }: { name: string }) {
  const t = useT();
  const { history } = useFleetHistory();
  const row = history.data?.directors.find((director) => director.name === name);
  if (!row) return null;
  if (row.points.length === 0) {
    return (
      <p className="muted director-history" data-testid="director-history-note">
        {row.note}
      </p>
    );
  }
  const values = row.points.map((point) => point.cps);
  const latest = values[values.length - 1] ?? 0;
  return (
    <div className="director-history" data-testid="director-history" data-points={values.length}>
      <Sparkline values={values} label={t('fleetHistory.label')} width={200} height={32} />
      <span className="muted">
        {t('fleetHistory.label')}: {t('fleetHistory.latest', { value: formatSi(latest) })},{' '}
        {t('fleetHistory.peak', { value: formatSi(Math.max(...values)) })}
      </span>
    </div>
  );
}

/** Above the cards: how to connect Prometheus when there is none, or why the lines could not be read. */
export function FleetHistoryHint() {
  const t = useT();
  const { withPrometheus, history } = useFleetHistory();
  if (!withPrometheus) {
    return (
      <p className="muted" data-testid="fleet-prometheus-hint">
        {t('fleetHistory.connectHint')}
      </p>
    );
  }
  if (!history.error) return null;
  return (
    <p className="notice" role="status" data-testid="fleet-history-error">
      {t('fleetHistory.failed', { error: errorMessage(history.error) })}
    </p>
  );
}

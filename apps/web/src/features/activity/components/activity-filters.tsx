import { useQuery } from '@tanstack/react-query';
import { serviceId } from '@ipvs-dashboard/shared';
import { Segmented } from '../../../components/segmented';
import { useT } from '../../../lib/i18n/i18n-context';
import { navigate, type ChangeSource } from '../../../lib/router/hash-router';
import { servicesQueryOptions } from '../../../lib/table/get-services';
import { serviceTitle } from '../../../lib/table/service-label';

type SourceChoice = ChangeSource | 'all';

/** Service and source, kept in the URL (#/activity?service=...&source=...) so a filtered view can be linked. */
export function ActivityFilters({ service, source }: { service?: string; source?: ChangeSource }) {
  const t = useT();
  const services = useQuery({
    ...servicesQueryOptions(),
    select: (list) => list.map((row) => ({ id: serviceId(row.key), label: serviceTitle(row.key) })),
  });
  const options = services.data ?? [];
  // A deleted service has changes too: keep it selectable while the URL names it.
  const listed = !service || options.some((option) => option.id === service);
  const go = (next: { service?: string | undefined; source?: ChangeSource | undefined }) =>
    navigate({
      screen: 'activity',
      ...(next.service ? { service: next.service } : {}),
      ...(next.source ? { source: next.source } : {}),
    });
  return (
    <div className="row activity-filters">
      <label className="field">
        <span className="label">{t('activity.service')}</span>
        <select value={service ?? ''} onChange={(event) => go({ service: event.target.value, source })}>
          <option value="">{t('activity.allServices')}</option>
          {!listed && <option value={service}>{service}</option>}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span className="label">{t('activity.source')}</span>
        <Segmented<SourceChoice>
          label={t('activity.source')}
          options={[
            { value: 'all', label: t('activity.allSources') },
            { value: 'api', label: t('activity.sourceApi') },
            { value: 'external', label: t('activity.sourceExternal') },
          ]}
          value={source ?? 'all'}
          onChange={(value) => go({ service, source: value === 'all' ? undefined : value })}
        />
      </div>
    </div>
  );
}

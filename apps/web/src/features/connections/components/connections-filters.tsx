import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { destinationId, serviceId, type ConnectionSearchScope } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';
import type { ConnectionsView } from '../../../lib/router/connections-route';
import { servicesQueryOptions } from '../../../lib/table/get-services';
import { serviceTitle } from '../../../lib/table/service-label';

// States as /proc/net/ip_vs_conn prints them: TCP's (ip_vs_proto_tcp.c, tcp_state_name_table), UDP's
// "UDP", templates' "NONE"/"ASSURED"; any other state seen on the current page is offered as well.
const knownStates = [
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'SYNACK',
  'UDP',
  'NONE',
  'ASSURED',
];

/** The search reaches the URL once typing pauses, so the agent is not asked once per key. */
const SEARCH_PAUSE_MS = 300;

interface Props {
  service: string | undefined;
  view: ConnectionsView;
  seenStates: string[];
  /** A new service (it has its own path, and its own real servers). */
  onService: (service: string | undefined) => void;
  /** `replace`: no new history entry (a search being typed). */
  onView: (patch: Partial<ConnectionsView>, replace?: boolean) => void;
}

export function ConnectionsFilters({ service, view, seenStates, onService, onView }: Props) {
  const t = useT();
  const services = useQuery(servicesQueryOptions());
  const selected = services.data?.find((s) => serviceId(s.key) === service);
  const states = [...new Set([...knownStates, ...seenStates])];
  const [search, setSearch] = useState(view.search ?? '');
  // Back/forward or a link changes the URL's search: show it.
  useEffect(() => setSearch(view.search ?? ''), [view.search]);
  useEffect(() => {
    if (search.trim() === (view.search ?? '')) return;
    const timer = setTimeout(() => onView({ search: search.trim() || undefined }, true), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, view.search, onView]);

  return (
    <div className="row connections-filters">
      <label className="field">
        <span className="label">{t('connections.search')}</span>
        <input
          type="search"
          value={search}
          placeholder={t('connections.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="label">{t('connections.searchIn')}</span>
        <select
          value={view.searchIn ?? 'any'}
          onChange={(event) => {
            const scope = event.target.value as ConnectionSearchScope;
            onView({ searchIn: scope === 'any' ? undefined : scope });
          }}
        >
          <option value="any">{t('connections.anyAddress')}</option>
          <option value="client">{t('connections.client')}</option>
          <option value="virtual">{t('connections.virtual')}</option>
          <option value="destination">{t('connections.destination')}</option>
        </select>
      </label>
      <label className="field">
        <span className="label">{t('connections.service')}</span>
        <select value={service ?? ''} onChange={(event) => onService(event.target.value || undefined)}>
          <option value="">{t('connections.all')}</option>
          {services.data?.map((s) => (
            <option key={serviceId(s.key)} value={serviceId(s.key)}>
              {serviceTitle(s.key)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('connections.server')}</span>
        <select
          value={view.destination ?? ''}
          disabled={!selected}
          onChange={(event) => onView({ destination: event.target.value || undefined })}
        >
          <option value="">{t('connections.all')}</option>
          {selected?.destinations.map((d) => (
            <option key={destinationId(d)} value={destinationId(d)}>
              {destinationId(d)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('connections.state')}</span>
        <select
          value={view.state ?? ''}
          onChange={(event) => onView({ state: event.target.value || undefined })}
        >
          <option value="">{t('connections.all')}</option>
          {states.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">{t('connections.templates')}</span>
        <select
          value={view.templates ?? 'last'}
          onChange={(event) => {
            const mode = event.target.value;
            onView({ templates: mode === 'hide' || mode === 'only' ? mode : undefined });
          }}
        >
          <option value="last">{t('connections.templatesLast')}</option>
          <option value="hide">{t('connections.templatesHide')}</option>
          <option value="only">{t('connections.templatesOnly')}</option>
        </select>
      </label>
    </div>
  );
}

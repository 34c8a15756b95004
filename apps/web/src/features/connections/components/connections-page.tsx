import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { destinationId, serviceId } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { formatCount } from '../../../lib/format/format-si';
import { useT } from '../../../lib/i18n/i18n-context';
import { servicesQueryOptions } from '../../../lib/table/get-services';
import { serviceTitle } from '../../../lib/table/service-label';
import { connectionsQueryOptions, type ConnectionsFilter } from '../api/get-connections';

const PAGE = 50;
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

export function ConnectionsPage({ initialService }: { initialService?: string }) {
  const t = useT();
  const [filter, setFilter] = useState<ConnectionsFilter>({
    service: initialService ?? '',
    destination: '',
    state: '',
    offset: 0,
    limit: PAGE,
  });
  const services = useQuery(servicesQueryOptions());
  const connections = useQuery(connectionsQueryOptions(filter));
  const selected = services.data?.find((service) => serviceId(service.key) === filter.service);
  const set = (patch: Partial<ConnectionsFilter>) =>
    setFilter((current) => ({ ...current, offset: 0, ...patch }));
  const total = connections.data?.total ?? 0;
  const states = [...new Set([...knownStates, ...(connections.data?.items.map((item) => item.state) ?? [])])];
  const page = Math.floor(filter.offset / PAGE) + 1;
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <>
      <h1>{t('connections.title')}</h1>
      <section className="card">
        <div className="row">
          <label className="field">
            <span className="label">{t('connections.service')}</span>
            <select
              value={filter.service}
              onChange={(event) => set({ service: event.target.value, destination: '' })}
            >
              <option value="">{t('connections.all')}</option>
              {services.data?.map((service) => (
                <option key={serviceId(service.key)} value={serviceId(service.key)}>
                  {serviceTitle(service.key)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="label">{t('connections.server')}</span>
            <select
              value={filter.destination}
              disabled={!selected}
              onChange={(event) => set({ destination: event.target.value })}
            >
              <option value="">{t('connections.all')}</option>
              {selected?.destinations.map((destination) => (
                <option key={destinationId(destination)} value={destinationId(destination)}>
                  {destinationId(destination)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="label">{t('connections.state')}</span>
            <select value={filter.state} onChange={(event) => set({ state: event.target.value })}>
              <option value="">{t('connections.all')}</option>
              {states.map((state) => (
                <option key={state} value={state}>
                  {state}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <span className="muted">{t('connections.count', { count: formatCount(total) })}</span>
        </div>
      </section>
      <ActionError error={connections.error} />
      <section className="card table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th>{t('connections.protocol')}</th>
              <th>{t('connections.client')}</th>
              <th>{t('connections.virtual')}</th>
              <th>{t('connections.destination')}</th>
              <th>{t('connections.state')}</th>
              <th className="num">{t('connections.expires')}</th>
            </tr>
          </thead>
          <tbody>
            {connections.data?.items.map((connection, index) => (
              <tr
                key={`${connection.clientAddress}:${connection.clientPort}-${connection.destAddress}:${connection.destPort}-${index}`}
              >
                <td>
                  {connection.protocol}
                  {connection.template && <span className="chip"> {t('connections.template')}</span>}
                </td>
                <td className="mono">
                  {connection.clientAddress}:{connection.clientPort}
                </td>
                <td className="mono">
                  {connection.fwmark !== null
                    ? `fwmark ${connection.fwmark}`
                    : `${connection.virtualAddress}:${connection.virtualPort}`}
                </td>
                <td className="mono">
                  {connection.destAddress}:{connection.destPort}
                </td>
                <td>{connection.state}</td>
                <td className="num">{connection.expiresSeconds} s</td>
              </tr>
            ))}
          </tbody>
        </table>
        {total === 0 && !connections.isPending && <div className="empty">{t('connections.empty')}</div>}
        <div className="row" style={{ marginTop: 12 }}>
          <button
            type="button"
            disabled={filter.offset === 0}
            onClick={() => setFilter((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE) }))}
          >
            {t('connections.previous')}
          </button>
          <span className="muted">{t('connections.page', { page, pages })}</span>
          <button
            type="button"
            disabled={page >= pages}
            onClick={() => setFilter((f) => ({ ...f, offset: f.offset + PAGE }))}
          >
            {t('connections.next')}
          </button>
        </div>
      </section>
    </>
  );
}

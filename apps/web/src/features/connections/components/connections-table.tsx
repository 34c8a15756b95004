import { endpointText as endpoint, type Connection, type ConnectionSortKey } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';
import type { MessageKey } from '../../../lib/i18n/catalogue';

const columns: Array<{ column: ConnectionSortKey; label: MessageKey; numeric?: boolean }> = [
  { column: 'protocol', label: 'connections.protocol' },
  { column: 'client', label: 'connections.client' },
  { column: 'virtual', label: 'connections.virtual' },
  { column: 'destination', label: 'connections.destination' },
  { column: 'state', label: 'connections.state' },
  { column: 'expires', label: 'connections.expires', numeric: true },
];

interface Props {
  rows: Connection[];
  sort: ConnectionSortKey | undefined;
  order: 'asc' | 'desc';
  onSort: (column: ConnectionSortKey) => void;
}

/** One page of connections; a column header sorts by it, a second click reverses the order. */
export function ConnectionsTable({ rows, sort, order, onSort }: Props) {
  const t = useT();
  return (
    <table className="data">
      <thead>
        <tr>
          {columns.map(({ column, label, numeric }) => (
            <th
              key={column}
              className={numeric ? 'num' : undefined}
              aria-sort={sort === column ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" onClick={() => onSort(column)}>
                {t(label)}
                {sort === column ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((connection, index) => (
          <tr
            key={`${connection.clientAddress}:${connection.clientPort}-${connection.destAddress}:${connection.destPort}-${index}`}
          >
            <td>
              {connection.protocol}
              {connection.template && <span className="chip"> {t('connections.template')}</span>}
            </td>
            <td className="mono">{endpoint(connection.clientAddress, connection.clientPort)}</td>
            <td className="mono">
              {connection.fwmark !== null
                ? `fwmark ${connection.fwmark}`
                : endpoint(connection.virtualAddress, connection.virtualPort)}
            </td>
            <td className="mono">{endpoint(connection.destAddress, connection.destPort)}</td>
            <td>{connection.state}</td>
            <td className="num">{connection.expiresSeconds} s</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { serviceId } from '@ipvs-dashboard/shared';
import { addressLabel, connectionCounts, protocolLabel } from '../../../lib/table/service-label';
import { statColumn, type StatColumnId, type StatSubject } from '../../../lib/table/stat-columns';

// Sorting and filtering for the overview table, pure so it is tested without a DOM.
export type SortColumn = 'service' | 'scheduler' | 'servers' | StatColumnId;
export interface SortState {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export interface ServiceRow extends StatSubject {
  id: string;
  service: ServiceWithDestinations;
  /** Real servers the thresholds keep from new connections (Destination.overloaded). */
  overloaded: number;
}

function sortValue(row: ServiceRow, column: SortColumn): number | string {
  switch (column) {
    case 'service':
      return '';
    case 'scheduler':
      return row.service.scheduler;
    case 'servers':
      return row.service.destinations.length;
    default:
      return statColumn(column).value(row);
  }
}

/** Text a filter matches: protocol, address, fwmark, scheduler, family, and every real server address. */
function haystack(service: ServiceWithDestinations): string {
  return [
    protocolLabel(service.key),
    addressLabel(service.key),
    service.scheduler,
    service.family === 'inet6' ? 'ipv6' : 'ipv4',
    ...service.destinations.map((destination) => destination.address),
  ]
    .join(' ')
    .toLowerCase();
}

export function toRows(services: readonly ServiceWithDestinations[]): ServiceRow[] {
  return services.map((service) => ({
    id: serviceId(service.key),
    service,
    stats: service.stats,
    ...connectionCounts(service),
    overloaded: service.destinations.reduce((count, d) => count + (d.overloaded ? 1 : 0), 0),
  }));
}

/** Filter by every whitespace-separated word, then sort; "service" keeps the agent's ipvsadm order. */
export function sortAndFilter(rows: readonly ServiceRow[], filter: string, sort: SortState): ServiceRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const kept =
    words.length === 0
      ? rows.slice()
      : rows.filter((row) => {
          const text = haystack(row.service);
          return words.every((word) => text.includes(word));
        });
  if (sort.column === 'service') return sort.direction === 'asc' ? kept : kept.reverse();
  const sign = sort.direction === 'asc' ? 1 : -1;
  return kept.sort((a, b) => {
    const left = sortValue(a, sort.column);
    const right = sortValue(b, sort.column);
    const order = typeof left === 'string' ? left.localeCompare(String(right)) : left - Number(right);
    return order * sign;
  });
}

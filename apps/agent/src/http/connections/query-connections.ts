// GET /connections answered from one reading of the connection table: filter (service, real server,
// state, templates, search), order (templates after connections unless asked otherwise), then one page.
import {
  canonicalAddress,
  parseDestinationId,
  parseServiceId,
  type Connection,
  type ConnectionsQuery,
  type ConnectionsResponse,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { sortConnections } from './connection-order.js';
import { connectionSearch } from './connection-search.js';
import { serviceFilter } from './service-filter.js';

export function queryConnections(
  rows: readonly Connection[],
  table: readonly ServiceWithDestinations[] | null,
  query: ConnectionsQuery,
): ConnectionsResponse {
  const service = query.service === undefined ? undefined : parseServiceId(query.service);
  const dest = query.destination === undefined ? undefined : parseDestinationId(query.destination);
  const inService = service && table ? serviceFilter(service, table) : () => true;
  const search = connectionSearch(query.search, query.searchIn);
  const state = query.state?.toUpperCase();
  const matching = rows.filter(
    (c) =>
      (query.templates === 'hide' ? !c.template : query.templates === 'only' ? c.template : true) &&
      inService(c) &&
      (!dest || (c.destPort === dest.port && canonicalAddress(c.destAddress) === dest.address)) &&
      (!state || c.state.toUpperCase() === state) &&
      (!search || search(c)),
  );
  const sorted = query.sort ? sortConnections(matching, query.sort, query.order) : matching;
  // Templates last: the kernel's file mixes them in, and with persistence they can fill the first pages.
  const ordered =
    query.templates === 'last'
      ? [...sorted.filter((c) => !c.template), ...sorted.filter((c) => c.template)]
      : sorted;
  return {
    total: ordered.length,
    items: ordered.slice(query.offset, query.offset + query.limit),
  };
}

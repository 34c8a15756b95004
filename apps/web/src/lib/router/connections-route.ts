import {
  connectionSearchScopes,
  connectionSortKeys,
  connectionTemplateModes,
  type ConnectionSearchScope,
  type ConnectionSortKey,
  type ConnectionTemplateMode,
} from '@ipvs-dashboard/shared';

/**
 * What the Connections screen shows, kept in the hash so a reload or a shared link opens the same view:
 * `#/connections/<sid>?search=10.0.0.7&sort=expires&order=desc&page=3`. Only what differs from the
 * defaults is written; a value the screen does not know is dropped rather than sent to the agent.
 */
export interface ConnectionsView {
  destination?: string;
  state?: string;
  search?: string;
  searchIn?: Exclude<ConnectionSearchScope, 'any'>;
  sort?: ConnectionSortKey;
  order?: 'desc';
  templates?: Exclude<ConnectionTemplateMode, 'last'>;
  /** 1-based; absent on the first page. */
  page?: number;
}

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

export function parseConnectionsView(query: string): ConnectionsView {
  const params = new URLSearchParams(query);
  const text = (name: string) => params.get(name) || undefined;
  const searchIn = params.get('searchIn');
  const sort = params.get('sort');
  const templates = params.get('templates');
  const page = Number(params.get('page'));
  const view: ConnectionsView = {
    destination: text('destination'),
    state: text('state'),
    search: text('search'),
    searchIn: isOneOf(connectionSearchScopes, searchIn) && searchIn !== 'any' ? searchIn : undefined,
    sort: isOneOf(connectionSortKeys, sort) ? sort : undefined,
    order: sort && params.get('order') === 'desc' ? 'desc' : undefined,
    templates: isOneOf(connectionTemplateModes, templates) && templates !== 'last' ? templates : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
  return Object.fromEntries(Object.entries(view).filter(([, value]) => value !== undefined));
}

export function connectionsViewQuery(view: ConnectionsView): string {
  const params = new URLSearchParams();
  for (const name of ['destination', 'state', 'search', 'searchIn', 'sort', 'order', 'templates'] as const) {
    const value = view[name];
    if (value) params.set(name, value);
  }
  if (view.page && view.page > 1) params.set('page', String(view.page));
  return params.toString();
}

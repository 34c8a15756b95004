import { queryOptions } from '@tanstack/react-query';
import type {
  FleetDirectorStatus,
  FleetResponse,
  ServiceWithDestinations,
  SyncDaemon,
} from '@ipvs-dashboard/shared';
import { api } from '../../../lib/api/api-client';

/** Every 5 s: a director going away shows within one round (the agent reads each with a 2 s deadline). */
export function fleetQueryOptions() {
  return queryOptions({
    queryKey: ['fleet'],
    queryFn: () => api.get<FleetResponse>('/fleet'),
    refetchInterval: 5000,
  });
}

/** A director's table: the local one directly, a peer through this agent (which holds the peer's token). */
export function directorTableQueryOptions(director: Pick<FleetDirectorStatus, 'name' | 'local'>) {
  const path = director.local ? '/services' : `/fleet/${encodeURIComponent(director.name)}/api/v1/services`;
  return queryOptions({
    queryKey: ['fleet', 'table', director.name],
    queryFn: () => api.get<ServiceWithDestinations[]>(path),
    refetchInterval: 5000,
  });
}

/** A director's connection sync daemons (ipvsadm --list --daemon), read like its table. */
export function directorDaemonsQueryOptions(director: Pick<FleetDirectorStatus, 'name' | 'local'>) {
  const path = director.local ? '/daemons' : `/fleet/${encodeURIComponent(director.name)}/api/v1/daemons`;
  return queryOptions({
    queryKey: ['fleet', 'daemons', director.name],
    queryFn: () => api.get<SyncDaemon[]>(path),
    refetchInterval: 5000,
  });
}

/** Directors grouped by site, then by pair (a director without a pair is a group of its own). */
interface DirectorGroup {
  pair: string | null;
  directors: FleetDirectorStatus[];
}

export function groupDirectors(
  directors: readonly FleetDirectorStatus[],
): { site: string | null; groups: DirectorGroup[] }[] {
  const sites = new Map<string | null, Map<string, DirectorGroup>>();
  for (const director of directors) {
    const groups = sites.get(director.site) ?? new Map<string, DirectorGroup>();
    sites.set(director.site, groups);
    const key = director.pair ?? `single:${director.name}`;
    const group = groups.get(key) ?? { pair: director.pair, directors: [] };
    groups.set(key, group);
    group.directors.push(director);
  }
  return [...sites].map(([site, groups]) => ({ site, groups: [...groups.values()] }));
}

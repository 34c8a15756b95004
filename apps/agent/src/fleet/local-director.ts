import type {
  DirectorSummary,
  ServerCounts,
  ServiceWithDestinations,
  TableOwner,
} from '@ipvs-dashboard/shared';

export interface LocalSources {
  backend: { kind: DirectorSummary['backend']; info(): Promise<{ version: string }> };
  owners: { current(): Promise<readonly TableOwner[]> };
  /** The poller's newest table, as read (not decorated). */
  table(): readonly ServiceWithDestinations[];
  /** Its real servers counted with their holds and health (RowStatus.countServers). */
  countServers(table: readonly ServiceWithDestinations[]): ServerCounts;
}

/**
 * This director's summary (GET /api/v1/summary, the local row of GET /fleet), read from memory: the poller's
 * newest table, never a fresh kernel dump, counted without copying a row, so a fleet's rounds cost the
 * director little beyond what it already does.
 */
export function localDirector(sources: LocalSources): () => Promise<DirectorSummary> {
  return async () => {
    const [info, owned] = await Promise.all([sources.backend.info(), sources.owners.current()]);
    const table = sources.table();
    let realServers = 0;
    for (const service of table) realServers += service.destinations.length;
    return {
      backend: sources.backend.kind,
      version: info.version,
      owners: [...owned],
      services: table.length,
      realServers,
      servers: sources.countServers(table),
    };
  };
}

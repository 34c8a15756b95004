import {
  summariseTable,
  type CountableTable,
  type DirectorSummary,
  type TableOwner,
} from '@ipvs-dashboard/shared';

export interface LocalSources {
  backend: { kind: DirectorSummary['backend']; info(): Promise<{ version: string }> };
  owners: { current(): Promise<readonly TableOwner[]> };
  /** The newest reading, decorated with holds and health as the API serves it. */
  table(): CountableTable;
}

/**
 * This director's summary (GET /api/v1/summary, the local row of GET /fleet), read from memory: the poller's
 * newest table, never a fresh kernel dump, so a fleet's rounds cost the director nothing it does not already do.
 */
export function localDirector(sources: LocalSources): () => Promise<DirectorSummary> {
  return async () => {
    const [info, owned] = await Promise.all([sources.backend.info(), sources.owners.current()]);
    return {
      backend: sources.backend.kind,
      version: info.version,
      owners: [...owned],
      ...summariseTable(sources.table()),
    };
  };
}

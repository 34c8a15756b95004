import type { TableOwner } from '@ipvs-dashboard/shared';
import type { DirectorReading } from './fleet-reader.js';

export interface LocalSources {
  backend: { kind: DirectorReading['backend']; info(): Promise<{ version: string }> };
  owners: { current(): Promise<readonly TableOwner[]> };
  /** The newest reading, decorated with holds and health as the API serves it. */
  table(): DirectorReading['table'];
}

/** The local director is read from memory, never over HTTP: no token, no hop, no deadline to miss. */
export function localDirector(sources: LocalSources): () => Promise<DirectorReading> {
  return async () => {
    const [info, owned] = await Promise.all([sources.backend.info(), sources.owners.current()]);
    return { backend: sources.backend.kind, version: info.version, owners: owned, table: sources.table() };
  };
}

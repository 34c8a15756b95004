// GET /api/v1/summary: what another agent's Fleet page shows of this director (its backend, version, table
// owners and its real servers counted by state). Counted where the table is, so a fleet reads a few hundred
// bytes per director every round instead of its whole table (several MB of JSON at 1,000 x 10, parsed by the
// reading agent every 5 s for every peer).
import { z } from 'zod';
import { tableOwnerSchema, type TableOwner } from '../table-owners.js';
import { backendKindSchema, type BackendKind } from '../ws.js';
import { countServers, serverCountsSchema, type CountableTable, type ServerCounts } from './fleet-status.js';

export interface DirectorSummary {
  backend: BackendKind;
  version: string;
  owners: TableOwner[];
  services: number;
  realServers: number;
  servers: ServerCounts;
}

export const directorSummarySchema = z.object({
  backend: backendKindSchema,
  version: z.string(),
  owners: z.array(tableOwnerSchema),
  services: z.number().int().nonnegative(),
  realServers: z.number().int().nonnegative(),
  servers: serverCountsSchema,
}) satisfies z.ZodType<DirectorSummary>;

/** The table's part of a summary: how many services and real servers, and the servers by state. */
export function summariseTable(
  table: CountableTable,
): Pick<DirectorSummary, 'services' | 'realServers' | 'servers'> {
  let realServers = 0;
  for (const service of table) realServers += service.destinations.length;
  return { services: table.length, realServers, servers: countServers(table) };
}

// Other programs that manage the IPVS table beside the agent (GET /info `owners`): keepalived,
// ldirectord, kube-proxy. Each rewrites the table from its own configuration (at a reload, a check
// transition or a resync), so a change made here to what they manage will not last.
import { z } from 'zod';

export type TableOwnerName = 'keepalived' | 'ldirectord' | 'kube-proxy';

/** One keepalived VRRP instance: whether this director holds its virtual addresses now. */
export interface VrrpInstanceState {
  instance: string;
  /** The `state` keepalived.conf starts it in (MASTER/BACKUP), null when not set. */
  configuredState: 'master' | 'backup' | null;
  /** master: this host holds its virtual addresses; backup: it holds none; unknown: no address listed. */
  state: 'master' | 'backup' | 'unknown';
  virtualAddresses: string[];
}

export interface TableOwner {
  name: TableOwnerName;
  pid: number;
  /** Its configuration file, when it can be told (command line or the program's default). */
  config: string | null;
  /** serviceId() of the virtual services its configuration manages; 'all' when it manages the whole table. */
  services: string[] | 'all';
  /** keepalived only: its VRRP instances as far as this host can see them; empty for the others. */
  vrrp: VrrpInstanceState[];
  /** Why services or vrrp are incomplete (an unreadable config, an include not followed), null when not. */
  note: string | null;
}

export const tableOwnerSchema = z.object({
  name: z.enum(['keepalived', 'ldirectord', 'kube-proxy']),
  pid: z.number().int().positive(),
  config: z.string().nullable(),
  services: z.union([z.array(z.string()), z.literal('all')]),
  vrrp: z.array(
    z.object({
      instance: z.string(),
      configuredState: z.enum(['master', 'backup']).nullable(),
      state: z.enum(['master', 'backup', 'unknown']),
      virtualAddresses: z.array(z.string()),
    }),
  ),
  note: z.string().nullable(),
}) satisfies z.ZodType<TableOwner>;

/** The owners whose configuration manages this service (serviceId()). */
export function ownersOf(owners: readonly TableOwner[], service: string): TableOwner[] {
  return owners.filter((owner) => owner.services === 'all' || owner.services.includes(service));
}

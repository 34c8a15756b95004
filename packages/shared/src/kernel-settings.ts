// The one catalogue of the /proc/sys/net/ipv4/vs settings the dashboard shows and edits: range, kernel
// default and what each does, from the kernel's Documentation/networking/ipvs-sysctl.rst (copied in
// docs/reference/ipvs-sysctl.md) and ip_vs_ctl.c (proc_do_defense_mode accepts 0..3). Both backends and
// the settings screen read it here, so a setting means the same whichever backend runs.
export interface KernelSettingRule {
  min: number;
  max: number;
  /** The kernel's default value. */
  defaultValue: number;
  description: string;
}

const INT_MAX = 0x7fff_ffff;

/** The three defense strategies share one meaning of their values (ipvs-sysctl.rst, drop_entry). */
const defenseModes =
  '0 off; 1 automatic: on while available memory is below amemthresh, and the kernel shows 2 while it is on; 3 always on';

export const kernelSettingCatalogue: Readonly<Record<string, KernelSettingRule>> = {
  drop_entry: {
    min: 0,
    max: 3,
    defaultValue: 0,
    description: `Drops random connection entries (those in SYN-RECV/SYNACK) every second to win memory back during a SYN flood. ${defenseModes}.`,
  },
  drop_packet: {
    min: 0,
    max: 3,
    defaultValue: 0,
    description: `Drops 1 in every "rate" packets before forwarding: in automatic mode rate = amemthresh / (amemthresh - available memory); in mode 3 rate = am_droprate. ${defenseModes}.`,
  },
  secure_tcp: {
    min: 0,
    max: 3,
    defaultValue: 0,
    description: `Uses a stricter TCP state table; for NAT it also waits for the three-way handshake before ESTABLISHED. ${defenseModes}.`,
  },
  amemthresh: {
    min: 0,
    max: INT_MAX,
    defaultValue: 1024,
    description: 'Available-memory threshold, in pages, below which the automatic defense modes switch on.',
  },
  am_droprate: {
    min: 0,
    max: INT_MAX,
    defaultValue: 10,
    description:
      'The drop rate of drop_packet in mode 3 (always on): 1 packet in every am_droprate is dropped.',
  },
  expire_nodest_conn: {
    min: 0,
    max: 1,
    defaultValue: 0,
    description:
      'When a packet arrives for a connection whose real server was removed: 0 drops it silently (the connection can resume if the server comes back), 1 expires the entry at once so the client learns it is closed.',
  },
  expire_quiescent_template: {
    min: 0,
    max: 1,
    defaultValue: 0,
    description:
      'Expires a persistence template when it would schedule a new connection to a real server of weight 0, so returning clients move to another server. Without it a quiesced server may never drain.',
  },
  conn_reuse_mode: {
    min: 0,
    max: 3,
    defaultValue: 1,
    description:
      'When a new connection reuses the port of an old one: 0 sends it to the same real server; bit 1 reschedules it when safe (TIME_WAIT, NAT, or expire_nodest_conn); bit 2 also in FIN_WAIT (direct routing).',
  },
};

/** The rule of a setting, including the per-state timeout files some kernels have; undefined if unknown. */
export function kernelSettingRule(name: string): KernelSettingRule | undefined {
  const known = kernelSettingCatalogue[name];
  if (known) return known;
  if (/^timeout_[a-z_]+$/.test(name)) {
    const state = name.slice('timeout_'.length).replace(/_/g, ' ');
    return {
      min: 0,
      max: INT_MAX,
      defaultValue: 0,
      description: `Seconds an IPVS connection stays in the ${state} state.`,
    };
  }
  return undefined;
}

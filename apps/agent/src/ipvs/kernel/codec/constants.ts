// IPVS generic-netlink constants, transcribed from the kernel's include/uapi/linux/ip_vs.h (Linux 6.x).
// Numbers are the kernel's; names drop the IPVS_/IP_VS_ prefixes only inside the grouping objects.

/** Generic-netlink family name and version (ip_vs.h IPVS_GENL_NAME / IPVS_GENL_VERSION). */
export const IPVS_GENL_NAME = 'IPVS';
export const IPVS_GENL_VERSION = 1;

/** enum { IPVS_CMD_UNSPEC = 0, ... }: the genlmsghdr cmd. ipvsadm calls 12/13 SET/GET_TIMEOUT. */
export const IpvsCmd = {
  UNSPEC: 0,
  NEW_SERVICE: 1,
  SET_SERVICE: 2,
  DEL_SERVICE: 3,
  GET_SERVICE: 4,
  NEW_DEST: 5,
  SET_DEST: 6,
  DEL_DEST: 7,
  GET_DEST: 8,
  NEW_DAEMON: 9,
  DEL_DAEMON: 10,
  GET_DAEMON: 11,
  SET_CONFIG: 12,
  GET_CONFIG: 13,
  SET_INFO: 14,
  GET_INFO: 15,
  ZERO: 16,
  FLUSH: 17,
} as const;

/** IPVS_CMD_ATTR_*: top-level attributes of every IPVS message except the GET_INFO reply. */
export const CmdAttr = {
  SERVICE: 1,
  DEST: 2,
  DAEMON: 3,
  TIMEOUT_TCP: 4,
  TIMEOUT_TCP_FIN: 5,
  TIMEOUT_UDP: 6,
} as const;

/** IPVS_SVC_ATTR_*: inside CmdAttr.SERVICE. */
export const SvcAttr = {
  AF: 1,
  PROTOCOL: 2,
  ADDR: 3,
  PORT: 4,
  FWMARK: 5,
  SCHED_NAME: 6,
  FLAGS: 7,
  TIMEOUT: 8,
  NETMASK: 9,
  STATS: 10,
  PE_NAME: 11,
  STATS64: 12,
} as const;

/** IPVS_DEST_ATTR_*: inside CmdAttr.DEST. ADDR_FAMILY since 3.18, STATS64 4.1, TUN_* 5.2/5.3. */
export const DestAttr = {
  ADDR: 1,
  PORT: 2,
  FWD_METHOD: 3,
  WEIGHT: 4,
  U_THRESH: 5,
  L_THRESH: 6,
  ACTIVE_CONNS: 7,
  INACT_CONNS: 8,
  PERSIST_CONNS: 9,
  STATS: 10,
  ADDR_FAMILY: 11,
  STATS64: 12,
  TUN_TYPE: 13,
  TUN_PORT: 14,
  TUN_FLAGS: 15,
} as const;

/** IPVS_STATS_ATTR_*: inside SVC/DEST STATS (u32 except bytes) and STATS64 (all u64). PAD since 4.7. */
export const StatsAttr = {
  CONNS: 1,
  INPKTS: 2,
  OUTPKTS: 3,
  INBYTES: 4,
  OUTBYTES: 5,
  CPS: 6,
  INPPS: 7,
  OUTPPS: 8,
  INBPS: 9,
  OUTBPS: 10,
  PAD: 11,
} as const;

/** IPVS_DAEMON_ATTR_*: inside CmdAttr.DAEMON. Attributes 4..8 since about 4.3. */
export const DaemonAttr = {
  STATE: 1,
  MCAST_IFN: 2,
  SYNC_ID: 3,
  SYNC_MAXLEN: 4,
  MCAST_GROUP: 5,
  MCAST_GROUP6: 6,
  MCAST_PORT: 7,
  MCAST_TTL: 8,
} as const;

/** IPVS_INFO_ATTR_*: top level of the GET_INFO reply (numerically collide with CmdAttr 1/2). */
export const InfoAttr = {
  VERSION: 1,
  CONN_TAB_SIZE: 2,
} as const;

/** IP_VS_SVC_F_*: service flags (struct ip_vs_flags.flags). SCHED1..3 meaning is per scheduler. */
export const SvcFlag = {
  PERSISTENT: 0x0001,
  /** Kernel-internal "in the hash table"; always set in replies, never meaningful to users. */
  HASHED: 0x0002,
  ONEPACKET: 0x0004,
  SCHED1: 0x0008,
  SCHED2: 0x0010,
  SCHED3: 0x0020,
} as const;

/** IP_VS_CONN_F_*: forwarding methods in IPVS_DEST_ATTR_FWD_METHOD; the kernel keeps only FWD_MASK bits. */
export const ConnFwd = {
  MASQ: 0,
  LOCALNODE: 1,
  TUNNEL: 2,
  DROUTE: 3,
  BYPASS: 4,
  FWD_MASK: 0x7,
} as const;

/** IP_VS_CONN_F_TUNNEL_TYPE_*: IPVS_DEST_ATTR_TUN_TYPE values. */
export const TunnelTypeCode = { IPIP: 0, GUE: 1, GRE: 2 } as const;

/** IP_VS_TUNNEL_ENCAP_FLAG_*: IPVS_DEST_ATTR_TUN_FLAGS bits (0 = no checksum). */
export const TunnelFlag = { NOCSUM: 0, CSUM: 0x1, REMCSUM: 0x2 } as const;

/** IP_VS_STATE_*: sync-daemon states. */
export const DaemonStateCode = { NONE: 0, MASTER: 1, BACKUP: 2 } as const;

/** Linux address families and IP protocol numbers used in the service identity. */
export const AF_INET = 2;
export const AF_INET6 = 10;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_SCTP = 132;

/** ip_vs.h IP_VS_SCHEDNAME_MAXLEN / IP_VS_PENAME_MAXLEN / IP_VS_IFNAME_MAXLEN (buffer sizes incl. NUL). */
export const SCHEDNAME_MAXLEN = 16;
export const PENAME_MAXLEN = 16;
export const IFNAME_MAXLEN = 16;

/** ipvsadm's defaults (ipvsadm.c): netmasks for "no persistence granularity". */
export const DEFAULT_NETMASK_V4 = '255.255.255.255';
export const DEFAULT_PREFIX_V6 = '128';

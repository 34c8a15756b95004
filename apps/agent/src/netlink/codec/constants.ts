// Netlink and generic-netlink constants, transcribed from include/uapi/linux/netlink.h and
// include/uapi/linux/genetlink.h (Linux 6.x). Header fields are host byte order.

// struct nlmsghdr / struct nlattr / struct genlmsghdr sizes and alignment (NLMSG_ALIGNTO, NLA_ALIGNTO).
export const NLMSG_ALIGNTO = 4;
export const NLMSG_HDRLEN = 16;
export const NLA_ALIGNTO = 4;
export const NLA_HDRLEN = 4;
export const GENL_HDRLEN = 4;

// nlmsg_flags (netlink.h). Standard flags:
export const NLM_F_REQUEST = 0x01;
export const NLM_F_MULTI = 0x02;
export const NLM_F_ACK = 0x04;
export const NLM_F_ECHO = 0x08;
export const NLM_F_DUMP_INTR = 0x10;
export const NLM_F_DUMP_FILTERED = 0x20;
// Modifiers to GET requests:
export const NLM_F_ROOT = 0x100;
export const NLM_F_MATCH = 0x200;
export const NLM_F_ATOMIC = 0x400;
export const NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
// Modifiers to NEW requests:
export const NLM_F_REPLACE = 0x100;
export const NLM_F_EXCL = 0x200;
export const NLM_F_CREATE = 0x400;
export const NLM_F_APPEND = 0x800;
// Flags on NLMSG_ERROR / NLMSG_DONE ("acknowledgment flags"):
/** The request payload was not echoed back (NETLINK_CAP_ACK, or always on a success ACK). */
export const NLM_F_CAPPED = 0x100;
/** Extended-ACK TLVs (NLMSGERR_ATTR_*) follow. */
export const NLM_F_ACK_TLVS = 0x200;

// Control message types; types below NLMSG_MIN_TYPE are reserved for these.
export const NLMSG_NOOP = 0x1;
export const NLMSG_ERROR = 0x2;
export const NLMSG_DONE = 0x3;
export const NLMSG_OVERRUN = 0x4;
export const NLMSG_MIN_TYPE = 0x10;

// struct nlattr type bits.
export const NLA_F_NESTED = 1 << 15;
export const NLA_F_NET_BYTEORDER = 1 << 14;
export const NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

// enum nlmsgerr_attrs: extended ACK TLVs after struct nlmsgerr.
export const NLMSGERR_ATTR_UNUSED = 0;
export const NLMSGERR_ATTR_MSG = 1;
export const NLMSGERR_ATTR_OFFS = 2;
export const NLMSGERR_ATTR_COOKIE = 3;
export const NLMSGERR_ATTR_POLICY = 4;
export const NLMSGERR_ATTR_MISS_TYPE = 5;
export const NLMSGERR_ATTR_MISS_NEST = 6;

// genetlink.h: the controller family has a fixed id; dynamic families get ids from GENL_START_ALLOC up.
export const GENL_ID_CTRL = NLMSG_MIN_TYPE;
export const GENL_MIN_ID = GENL_ID_CTRL;
export const GENL_NAMSIZ = 16;

// Controller commands (enum CTRL_CMD_*).
export const CTRL_CMD_UNSPEC = 0;
export const CTRL_CMD_NEWFAMILY = 1;
export const CTRL_CMD_DELFAMILY = 2;
export const CTRL_CMD_GETFAMILY = 3;
export const CTRL_CMD_NEWOPS = 4;
export const CTRL_CMD_DELOPS = 5;
export const CTRL_CMD_GETOPS = 6;
export const CTRL_CMD_NEWMCAST_GRP = 7;
export const CTRL_CMD_DELMCAST_GRP = 8;
export const CTRL_CMD_GETMCAST_GRP = 9;
export const CTRL_CMD_GETPOLICY = 10;
/** The controller's own genl version (genetlink.c: genl_ctrl .version = 0x2). */
export const CTRL_VERSION = 2;

// Controller attributes (enum CTRL_ATTR_*).
export const CTRL_ATTR_UNSPEC = 0;
export const CTRL_ATTR_FAMILY_ID = 1;
export const CTRL_ATTR_FAMILY_NAME = 2;
export const CTRL_ATTR_VERSION = 3;
export const CTRL_ATTR_HDRSIZE = 4;
export const CTRL_ATTR_MAXATTR = 5;
export const CTRL_ATTR_OPS = 6;
export const CTRL_ATTR_MCAST_GROUPS = 7;
export const CTRL_ATTR_POLICY = 8;
export const CTRL_ATTR_OP_POLICY = 9;
export const CTRL_ATTR_OP = 10;

// Inside each CTRL_ATTR_OPS entry (enum CTRL_ATTR_OP_*).
export const CTRL_ATTR_OP_UNSPEC = 0;
export const CTRL_ATTR_OP_ID = 1;
export const CTRL_ATTR_OP_FLAGS = 2;

// Operation flags reported in CTRL_ATTR_OP_FLAGS.
export const GENL_ADMIN_PERM = 0x01;
export const GENL_CMD_CAP_DO = 0x02;
export const GENL_CMD_CAP_DUMP = 0x04;
export const GENL_CMD_CAP_HASPOL = 0x08;
export const GENL_UNS_ADMIN_PERM = 0x10;

/** NLMSG_ALIGN / NLA_ALIGN: round up to the next multiple of 4. */
export function align4(length: number): number {
  return (length + 3) & ~3;
}

// Socket-level constants for Linux x86-64/arm64, from include/linux/socket.h, include/uapi/linux/netlink.h,
// include/uapi/asm-generic/socket.h and include/uapi/asm-generic/poll.h. SOL_SOCKET and the SO_* numbers
// differ on MIPS/SPARC/PA-RISC/Alpha, which the agent does not support.
export const AF_NETLINK = 16;
export const SOCK_RAW = 3;
export const SOCK_CLOEXEC = 0x80000;
export const NETLINK_GENERIC = 16;

export const SOL_SOCKET = 1;
export const SO_SNDBUF = 7;
export const SO_RCVBUF = 8;

export const SOL_NETLINK = 270;
/** Error ACKs do not echo the request payload (the ERROR message then carries NLM_F_CAPPED). */
export const NETLINK_CAP_ACK = 10;
/** The kernel may append an error string and offset (NLMSGERR_ATTR_*) to ACKs. */
export const NETLINK_EXT_ACK = 11;

export const MSG_PEEK = 0x2;
export const MSG_TRUNC = 0x20;
export const MSG_DONTWAIT = 0x40;

export const POLLIN = 0x1;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;

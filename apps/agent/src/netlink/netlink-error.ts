// Errors of the netlink connection layer. The domain layer maps `errno` to its own errors; the kernel's
// extended-ACK text, when there is one, rides along for logs and error details.
import { errno as errnoValues, errnoName } from '../sys/index.js';

/** Linux errno numbers the domain layer maps (include/uapi/asm-generic/errno*.h). */
export const errno = {
  EPERM: errnoValues.EPERM,
  EINTR: errnoValues.EINTR,
  ENOENT: errnoValues.ENOENT,
  ESRCH: errnoValues.ESRCH,
  EEXIST: errnoValues.EEXIST,
  EINVAL: errnoValues.EINVAL,
  ERANGE: errnoValues.ERANGE,
  EBUSY: errnoValues.EBUSY,
  ENOBUFS: errnoValues.ENOBUFS,
  ENODEV: errnoValues.ENODEV,
  EAFNOSUPPORT: errnoValues.EAFNOSUPPORT,
  EOPNOTSUPP: errnoValues.EOPNOTSUPP,
  EMSGSIZE: errnoValues.EMSGSIZE,
  ENOMEM: errnoValues.ENOMEM,
  ETIMEDOUT: errnoValues.ETIMEDOUT,
  EPROTO: errnoValues.EPROTO,
  EBADF: errnoValues.EBADF,
} as const;

export interface NetlinkErrorOptions {
  extackMessage?: string | undefined;
  extackOffset?: number | undefined;
  cause?: unknown;
}

/** A netlink operation failed: the kernel answered -errno, or the transport failed (timeout, socket). */
export class NetlinkError extends Error {
  /** Positive errno, e.g. errno.ESRCH. */
  readonly errno: number;
  /** What was attempted, e.g. `do IPVS cmd 1` or `resolve family IPVS`. */
  readonly op: string;
  /** The kernel's extended-ACK sentence (NLMSGERR_ATTR_MSG), if it sent one. */
  readonly extackMessage: string | undefined;
  /** Offset of the offending attribute in the request (NLMSGERR_ATTR_OFFS), if sent. */
  readonly extackOffset: number | undefined;

  constructor(op: string, errnoValue: number, options: NetlinkErrorOptions = {}) {
    const extack = options.extackMessage ? `: ${options.extackMessage}` : '';
    super(
      `${op} failed: ${errnoName(errnoValue)}${extack}`,
      options.cause === undefined ? {} : { cause: options.cause },
    );
    this.name = 'NetlinkError';
    this.errno = errnoValue;
    this.op = op;
    this.extackMessage = options.extackMessage;
    this.extackOffset = options.extackOffset;
  }
}

/** CTRL_CMD_GETFAMILY answered ENOENT: this kernel has no such generic-netlink family (e.g. no ip_vs). */
export class FamilyNotFoundError extends NetlinkError {
  readonly family: string;

  constructor(family: string, options: NetlinkErrorOptions = {}) {
    super(`resolve family ${family}`, errnoValues.ENOENT, options);
    this.name = 'FamilyNotFoundError';
    this.family = family;
  }
}

// Linux errno numbers the agent reacts to, from include/uapi/asm-generic/errno-base.h and errno.h
// (identical on x86-64 and arm64; MIPS/SPARC/Alpha differ and are not supported).
export const errno = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EINTR: 4,
  EBADF: 9,
  EAGAIN: 11,
  ENOMEM: 12,
  EBUSY: 16,
  EEXIST: 17,
  ENODEV: 19,
  EINVAL: 22,
  ERANGE: 34,
  ENOSYS: 38,
  EPROTO: 71,
  EMSGSIZE: 90,
  ENOPROTOOPT: 92,
  EPROTONOSUPPORT: 93,
  EOPNOTSUPP: 95,
  EAFNOSUPPORT: 97,
  ENOBUFS: 105,
  ETIMEDOUT: 110,
  ECONNREFUSED: 111,
} as const;

export type ErrnoName = keyof typeof errno;

const namesByNumber = new Map<number, string>(Object.entries(errno).map(([name, value]) => [value, name]));

/** `ENOENT` for 2, `errno 200` for numbers this table does not name. */
export function errnoName(value: number): string {
  return namesByNumber.get(value) ?? `errno ${value}`;
}

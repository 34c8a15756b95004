// errno -> domain error, per operation, exactly as ipvsadm's libipvs ipvs_strerror() table does it
// (ipvsadm 1.31 libipvs/libipvs.c): the same errno means different things for different requests.
import { AppError } from '@ipvs-dashboard/shared';
import type { ErrorCode } from '@ipvs-dashboard/shared';

/** The errnos IPVS answers with (include/uapi/asm-generic/errno-base.h, errno.h; x86-64/arm64). */
const errno = {
  EPERM: 1,
  EINTR: 4,
  ENOENT: 2,
  ESRCH: 3,
  EAGAIN: 11,
  ENOMEM: 12,
  EEXIST: 17,
  ENODEV: 19,
  EINVAL: 22,
  ERANGE: 34,
  EMSGSIZE: 90,
  ENOPROTOOPT: 92,
  EOPNOTSUPP: 95,
  EAFNOSUPPORT: 97,
  ETIMEDOUT: 110,
} as const;

export type IpvsOperation =
  | 'add-service'
  | 'edit-service'
  | 'delete-service'
  | 'zero-service'
  | 'get-service'
  | 'add-destination'
  | 'edit-destination'
  | 'delete-destination'
  | 'list-destinations'
  | 'start-daemon'
  | 'stop-daemon'
  | 'list'
  | 'info'
  | 'timeouts'
  | 'set-timeouts'
  | 'flush'
  | 'zero';

/** ipvs_strerror's per-function rows (func != 0), plus ENODEV for the daemon (kernel: no such interface). */
const perOperation: Partial<Record<IpvsOperation, Partial<Record<number, ErrorCode>>>> = {
  'add-service': { [errno.EEXIST]: 'SERVICE_EXISTS', [errno.ENOENT]: 'SCHEDULER_NOT_FOUND' },
  'edit-service': { [errno.ESRCH]: 'SERVICE_NOT_FOUND', [errno.ENOENT]: 'SCHEDULER_NOT_FOUND' },
  'delete-service': { [errno.ESRCH]: 'SERVICE_NOT_FOUND' },
  'zero-service': { [errno.ESRCH]: 'SERVICE_NOT_FOUND' },
  'get-service': { [errno.ESRCH]: 'SERVICE_NOT_FOUND' },
  'list-destinations': { [errno.ESRCH]: 'SERVICE_NOT_FOUND' },
  'add-destination': { [errno.ESRCH]: 'SERVICE_NOT_FOUND', [errno.EEXIST]: 'DESTINATION_EXISTS' },
  'edit-destination': { [errno.ESRCH]: 'SERVICE_NOT_FOUND', [errno.ENOENT]: 'DESTINATION_NOT_FOUND' },
  'delete-destination': { [errno.ESRCH]: 'SERVICE_NOT_FOUND', [errno.ENOENT]: 'DESTINATION_NOT_FOUND' },
  'start-daemon': { [errno.EEXIST]: 'DAEMON_EXISTS', [errno.ENODEV]: 'NO_SUCH_INTERFACE' },
  'stop-daemon': { [errno.ESRCH]: 'DAEMON_NOT_RUNNING' },
};

/** ipvs_strerror's rows that hold for every operation (func == 0); ERANGE falls to strerror there. */
const anyOperation: Partial<Record<number, ErrorCode>> = {
  [errno.EPERM]: 'PERMISSION_DENIED',
  [errno.EINVAL]: 'INVALID_OPERATION',
  [errno.EAFNOSUPPORT]: 'ADDRESS_FAMILY_NOT_SUPPORTED',
  [errno.ERANGE]: 'OUT_OF_RANGE',
  // ENOENT left over after the per-operation rows: the IPVS family id is gone (ip_vs unloaded).
  [errno.ENOENT]: 'IPVS_UNAVAILABLE',
  [errno.EAGAIN]: 'KERNEL_TIMEOUT',
  [errno.ETIMEDOUT]: 'KERNEL_TIMEOUT',
};

/** ipvs_strerror's texts for the errnos that have no catalogue code of their own. */
const kernelTexts: Partial<Record<number, string>> = {
  [errno.ENOPROTOOPT]: 'Protocol not available',
  [errno.ENOMEM]: 'Memory allocation problem',
  [errno.EOPNOTSUPP]: 'Operation not supported with IPv6',
  [errno.EMSGSIZE]: 'Module is wrong version',
  // netlink sends no ACK when a handler returns -EINTR; the change may have been made: reload to see.
  [errno.EINTR]:
    'it was interrupted and did not confirm the change; reload the table to see whether it was made',
};

function errnoOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errno' in error)) return undefined;
  const value = error.errno;
  return typeof value === 'number' ? Math.abs(value) : undefined;
}

/** The catalogue code ipvsadm's table gives (operation, errno); KERNEL_ERROR when it has none. */
export function errorCodeFor(operation: IpvsOperation, code: number): ErrorCode {
  return perOperation[operation]?.[code] ?? anyOperation[code] ?? 'KERNEL_ERROR';
}

/** Wraps whatever the netlink layer threw as an AppError, keeping it as `cause`. AppErrors pass through. */
export function toDomainError(operation: IpvsOperation, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = errnoOf(error);
  if (code === undefined) {
    const detail = error instanceof Error ? error.message : String(error);
    return new AppError('KERNEL_ERROR', `The kernel request failed (${operation}): ${detail}`, {
      cause: error,
    });
  }
  const domain = errorCodeFor(operation, code);
  if (domain !== 'KERNEL_ERROR') return new AppError(domain, undefined, { cause: error });
  const text = kernelTexts[code] ?? (error instanceof Error ? error.message : `errno ${code}`);
  return new AppError('KERNEL_ERROR', `The kernel refused the change: ${text}.`, { cause: error });
}

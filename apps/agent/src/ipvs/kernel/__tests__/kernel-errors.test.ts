import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { errorCodeFor, toDomainError } from '../kernel-errors.js';

/** Stands in for the netlink layer's NetlinkError: only `errno` and `op` matter to the mapping. */
class FakeNetlinkError extends Error {
  constructor(
    readonly errno: number,
    readonly op: string,
  ) {
    super(`${op} failed with errno ${errno}`);
  }
}

describe('kernel-errors', () => {
  it('maps each errno as ipvsadm ipvs_strerror does for that operation', () => {
    expect(errorCodeFor('add-service', 17)).toBe('SERVICE_EXISTS');
    expect(errorCodeFor('add-service', 2)).toBe('SCHEDULER_NOT_FOUND');
    expect(errorCodeFor('edit-service', 3)).toBe('SERVICE_NOT_FOUND');
    expect(errorCodeFor('edit-service', 2)).toBe('SCHEDULER_NOT_FOUND');
    expect(errorCodeFor('delete-service', 3)).toBe('SERVICE_NOT_FOUND');
    expect(errorCodeFor('zero-service', 3)).toBe('SERVICE_NOT_FOUND');
    expect(errorCodeFor('add-destination', 3)).toBe('SERVICE_NOT_FOUND');
    expect(errorCodeFor('add-destination', 17)).toBe('DESTINATION_EXISTS');
    expect(errorCodeFor('edit-destination', 2)).toBe('DESTINATION_NOT_FOUND');
    expect(errorCodeFor('delete-destination', 2)).toBe('DESTINATION_NOT_FOUND');
    expect(errorCodeFor('start-daemon', 17)).toBe('DAEMON_EXISTS');
    expect(errorCodeFor('start-daemon', 19)).toBe('NO_SUCH_INTERFACE');
    expect(errorCodeFor('stop-daemon', 3)).toBe('DAEMON_NOT_RUNNING');
  });

  it('applies the operation-independent rows: EPERM, EINVAL, EAFNOSUPPORT, ERANGE, timeouts', () => {
    expect(errorCodeFor('add-destination', 1)).toBe('PERMISSION_DENIED');
    expect(errorCodeFor('add-service', 22)).toBe('INVALID_OPERATION');
    expect(errorCodeFor('add-destination', 97)).toBe('ADDRESS_FAMILY_NOT_SUPPORTED');
    expect(errorCodeFor('edit-destination', 34)).toBe('OUT_OF_RANGE');
    expect(errorCodeFor('list', 110)).toBe('KERNEL_TIMEOUT');
    expect(errorCodeFor('list', 2)).toBe('IPVS_UNAVAILABLE');
  });

  it('keeps the kernel error as cause and names ipvsadm text for errnos without a code', () => {
    const original = new FakeNetlinkError(-12, 'IPVS cmd 1');
    const wrapped = toDomainError('add-service', original);
    expect(wrapped.code).toBe('KERNEL_ERROR');
    expect(wrapped.message).toContain('Memory allocation problem');
    expect(wrapped.cause).toBe(original);
    const exists = toDomainError('add-service', new FakeNetlinkError(17, 'IPVS cmd 1'));
    expect([exists.code, exists.status]).toEqual(['SERVICE_EXISTS', 409]);
  });

  it('passes AppErrors through untouched', () => {
    const error = new AppError('VALIDATION_FAILED', 'no', { field: 'port' });
    expect(toDomainError('add-service', error)).toBe(error);
  });
});

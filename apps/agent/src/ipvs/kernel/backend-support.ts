// Small pieces KernelBackend needs that are not about IPVS itself: running synchronous kernel calls as
// Promises, and naming /proc read failures in catalogue terms.
import { AppError } from '@ipvs-dashboard/shared';

/** Runs synchronous kernel work as a Promise: throws become rejections, like an async function's. */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export function procError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return new AppError('IPVS_UNAVAILABLE', undefined, { cause: error });
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError('PERMISSION_DENIED', undefined, { cause: error });
  return new AppError('KERNEL_ERROR', 'Could not read the IPVS /proc files.', { cause: error });
}

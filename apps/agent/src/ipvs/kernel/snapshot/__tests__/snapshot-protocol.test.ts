import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { deserializeError, serializeError } from '../snapshot-protocol.js';

/** What crosses the thread boundary: the serialized form after a structured clone. */
function acrossThreads(error: unknown): AppError {
  return deserializeError(structuredClone(serializeError(error)));
}

describe('snapshot-protocol', () => {
  it('brings an AppError back with its catalogue code, sentence and field', () => {
    const back = acrossThreads(new AppError('VALIDATION_FAILED', 'port must be 1-65535.', { field: 'port' }));
    expect(back).toBeInstanceOf(AppError);
    expect([back.code, back.message, back.field, back.status]).toEqual([
      'VALIDATION_FAILED',
      'port must be 1-65535.',
      'port',
      new AppError('VALIDATION_FAILED').status,
    ]);
  });

  it('names any other failure of the thread as a kernel error with its message', () => {
    const back = acrossThreads(new TypeError('koffi is not usable here'));
    expect(back.code).toBe('KERNEL_ERROR');
    expect(back.message).toContain('koffi is not usable here');
  });

  it('treats a code it does not know as a kernel error, keeping the text', () => {
    const back = deserializeError({ code: 'NO_SUCH_CODE' as never, message: 'odd' });
    expect([back.code, back.message]).toEqual(['KERNEL_ERROR', 'odd']);
  });
});

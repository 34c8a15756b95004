import { describe, expect, it } from 'vitest';
import { AppError, errorCatalogue } from '../errors.js';

describe('errors', () => {
  it('gives every catalogue entry a client or server status and a sentence', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.message, code).toMatch(/\.$/);
    }
  });

  it('serialises to the one wire shape, naming the field when there is one', () => {
    const error = new AppError('VALIDATION_FAILED', 'weight must be 0-65535', { field: 'weight' });
    expect(error.status).toBe(400);
    expect(error.toBody()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'weight must be 0-65535', field: 'weight' },
    });
  });
});

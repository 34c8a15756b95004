// parseOrThrow: the one place a zod failure becomes the catalogue's VALIDATION_FAILED naming the field.
import type { z } from 'zod';
import { AppError } from '../errors.js';

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = path ? `${path}.${key}` : key;
    return { field, message: 'is not a known field; check the spelling' };
  }
  if (!path && issue.code === 'invalid_type') return { field: 'body', message: 'must be a JSON object' };
  return { field: path || 'body', message: issue.message };
}

/** Parse or throw AppError('VALIDATION_FAILED', '<field>: <what is wrong and the valid range>', {field}). */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const { field, message } = first ? describeIssue(first) : { field: 'body', message: 'is not valid' };
  throw new AppError('VALIDATION_FAILED', `${field}: ${message}`, { field, cause: result.error });
}

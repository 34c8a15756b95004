// A change's rows are written twice, by value: in its journal header (before/target) and in its change-log
// record (before/after, the same arrays). At 1,000 x 10 each copy is ~1.9 MB of JSON, so the text of a
// row array is made once and reused by identity.
import type { SavableService } from '@ipvs-dashboard/shared';

const texts = new WeakMap<readonly SavableService[], string>();

export function rowsJson(rows: readonly SavableService[]): string {
  let text = texts.get(rows);
  if (text === undefined) {
    text = JSON.stringify(rows);
    texts.set(rows, text);
  }
  return text;
}

/**
 * JSON.stringify(value) for an object whose `fields` hold row arrays, with each array's text taken from
 * rowsJson. Same value once parsed (the row fields come last).
 */
export function stringifyWithRows<T extends object>(value: T, fields: readonly (keyof T & string)[]): string {
  const rest = { ...value } as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of fields) {
    const rows = rest[field] as readonly SavableService[] | undefined;
    delete rest[field];
    if (rows !== undefined) parts.push(`${JSON.stringify(field)}:${rowsJson(rows)}`);
  }
  const head = JSON.stringify(rest);
  if (parts.length === 0) return head;
  return head === '{}' ? `{${parts.join(',')}}` : `${head.slice(0, -1)},${parts.join(',')}}`;
}

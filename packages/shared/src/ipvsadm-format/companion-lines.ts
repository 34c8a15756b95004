// Companion lines: what the dashboard keeps beside a table (health checks, service policies) travels in an
// export as `#` lines after the ipvsadm text, which ipvsadm-restore skips (grep -v '^#'), so the text stays
// what `ipvsadm -R` takes. Every kind has the same shape, read here once:
//   # ipvs-dashboard <kind> <id> [<id>...] {json}
// The kind's own module (health/check-lines.ts, policy/policy-lines.ts) says which ids and which schema.
import type { z } from 'zod';
import { AppError } from '../errors.js';

/** A refusal that names the restore text's line, as every restore problem does. */
export function companionLineProblem(line: number, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `line ${line}: ${message}`, { field: 'config' });
}

export interface CompanionLineKind<T> {
  /** The word after "# ipvs-dashboard ": "check", "policy". */
  kind: string;
  /** How many ids come before the JSON. */
  minIds: number;
  maxIds: number;
  /** The line's shape, shown when a line does not have it, e.g. "<service> [<real server>] {json}". */
  usage: string;
  schema: z.ZodType<T>;
}

export interface CompanionLine<T> {
  line: number;
  ids: string[];
  value: T;
}

export function companionLinePrefix(kind: string): string {
  return `# ipvs-dashboard ${kind} `;
}

export function formatCompanionLine(kind: string, ids: readonly string[], value: unknown): string {
  return `${companionLinePrefix(kind)}${ids.join(' ')} ${JSON.stringify(value)}`;
}

/**
 * Every line of one kind in a restore text (other lines are ignored here), its ids and its value checked by
 * the kind's schema. `toAssignment` turns ids and value into the caller's record; what it throws is
 * refused by the line too (an id that does not parse).
 */
export function parseCompanionLines<T, A>(
  text: string,
  spec: CompanionLineKind<T>,
  toAssignment: (ids: string[], value: T) => A,
): (A & { line: number })[] {
  const prefix = companionLinePrefix(spec.kind);
  const found: (A & { line: number })[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trimEnd();
    if (!line.startsWith(prefix)) continue;
    const number = index + 1;
    const rest = line.slice(prefix.length);
    const brace = rest.indexOf('{');
    const ids = brace < 0 ? [] : rest.slice(0, brace).trim().split(/\s+/).filter(Boolean);
    if (brace < 0 || ids.length < spec.minIds || ids.length > spec.maxIds) {
      throw companionLineProblem(number, `a ${spec.kind} line is "${prefix.trimEnd()} ${spec.usage}"`);
    }
    let json: unknown;
    try {
      json = JSON.parse(rest.slice(brace));
    } catch {
      throw companionLineProblem(number, `the ${spec.kind} is not valid JSON`);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw companionLineProblem(
        number,
        `${spec.kind} ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'is not valid'}`,
      );
    }
    let assignment: A;
    try {
      assignment = toAssignment(ids, parsed.data);
    } catch (error) {
      throw companionLineProblem(number, error instanceof Error ? error.message : String(error));
    }
    found.push({ ...assignment, line: number });
  }
  return found;
}

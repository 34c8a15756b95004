// Health checks in an export: `#` lines after the ipvsadm text, which ipvsadm-restore skips (grep -v '^#'),
// so the text stays what `ipvsadm -R` takes and the checks travel with it. One line per check:
//   # ipvs-dashboard check tcp:10.0.0.1:80 {"kind":"http",...}              (the service's check)
//   # ipvs-dashboard check tcp:10.0.0.1:80 10.0.1.2:80 {"kind":"tcp",...}   (one real server's own)
import { parseDestinationId, parseServiceId, destinationId, serviceId } from '../ids.js';
import { AppError } from '../errors.js';
import { healthCheckSchema, type HealthCheck } from './health-check.js';

/** A check and what it is set on: a service (destination null) or one of its real servers. */
export interface CheckAssignment {
  /** serviceId() */
  service: string;
  /** destinationId(), or null for the service's own check. */
  destination: string | null;
  check: HealthCheck;
}

const PREFIX = '# ipvs-dashboard check ';

export function formatCheckLines(assignments: readonly CheckAssignment[]): string {
  return assignments
    .map(
      (a) =>
        `${PREFIX}${a.service}${a.destination === null ? '' : ` ${a.destination}`} ${JSON.stringify(a.check)}`,
    )
    .join('\n');
}

export function checkLineProblem(line: number, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `line ${line}: ${message}`, { field: 'config' });
}

/** The check lines of a restore text (every other line is ignored here); a malformed one is refused by its line. */
export function parseCheckLines(text: string): (CheckAssignment & { line: number })[] {
  const found: (CheckAssignment & { line: number })[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trimEnd();
    if (!line.startsWith(PREFIX)) continue;
    const rest = line.slice(PREFIX.length);
    const brace = rest.indexOf('{');
    const ids = (brace < 0 ? rest : rest.slice(0, brace)).trim().split(/\s+/);
    if (brace < 0 || ids.length < 1 || ids.length > 2 || ids[0] === '') {
      throw checkLineProblem(
        index + 1,
        'a check line is "# ipvs-dashboard check <service> [<real server>] {json}"',
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(rest.slice(brace));
    } catch {
      throw checkLineProblem(index + 1, 'the check is not valid JSON');
    }
    const parsed = healthCheckSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw checkLineProblem(
        index + 1,
        `check ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'is not valid'}`,
      );
    }
    try {
      found.push({
        line: index + 1,
        service: serviceId(parseServiceId(ids[0]!)),
        destination: ids[1] === undefined ? null : destinationId(parseDestinationId(ids[1])),
        check: parsed.data,
      });
    } catch (error) {
      throw checkLineProblem(index + 1, error instanceof Error ? error.message : String(error));
    }
  }
  return found;
}

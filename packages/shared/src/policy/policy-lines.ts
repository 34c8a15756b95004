// Service policies in an export, the way health checks travel (health/check-lines.ts): `#` lines after the
// ipvsadm text, which ipvsadm-restore skips, so the text stays what `ipvsadm -R` takes. One line each:
//   # ipvs-dashboard policy tcp:10.0.0.1:80 {"slowStartSeconds":30,"sorryServer":{...}}
import { AppError } from '../errors.js';
import { parseServiceId, serviceId } from '../ids.js';
import { servicePolicySchema, type ServicePolicy } from './service-policy.js';

export interface PolicyAssignment {
  /** serviceId() */
  service: string;
  policy: ServicePolicy;
}

const PREFIX = '# ipvs-dashboard policy ';

export function formatPolicyLines(assignments: readonly PolicyAssignment[]): string {
  return assignments.map((a) => `${PREFIX}${a.service} ${JSON.stringify(a.policy)}`).join('\n');
}

function lineProblem(line: number, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `line ${line}: ${message}`, { field: 'config' });
}

/** The policy lines of a restore text (every other line is ignored here); a malformed one is refused by its line. */
export function parsePolicyLines(text: string): (PolicyAssignment & { line: number })[] {
  const found: (PolicyAssignment & { line: number })[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trimEnd();
    if (!line.startsWith(PREFIX)) continue;
    const rest = line.slice(PREFIX.length);
    const brace = rest.indexOf('{');
    const id = (brace < 0 ? '' : rest.slice(0, brace)).trim();
    if (brace < 0 || id === '' || /\s/.test(id)) {
      throw lineProblem(index + 1, 'a policy line is "# ipvs-dashboard policy <service> {json}"');
    }
    let json: unknown;
    try {
      json = JSON.parse(rest.slice(brace));
    } catch {
      throw lineProblem(index + 1, 'the policy is not valid JSON');
    }
    const parsed = servicePolicySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw lineProblem(
        index + 1,
        `policy ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'is not valid'}`,
      );
    }
    try {
      found.push({ line: index + 1, service: serviceId(parseServiceId(id)), policy: parsed.data });
    } catch (error) {
      throw lineProblem(index + 1, error instanceof Error ? error.message : String(error));
    }
  }
  return found;
}

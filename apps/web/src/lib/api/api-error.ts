import type { ErrorCode } from '@ipvs-dashboard/shared';

/** An error the agent returned, kept in the agent's own words so the UI can show it next to the field. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly field: string | undefined;
  /** What the agent had more to say (docs/api.md "Errors"): every problem of a restore text, an undo's conflicts. */
  readonly details: unknown;

  constructor(
    code: ErrorCode | 'NETWORK',
    message: string,
    status: number,
    field?: string,
    details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
    this.details = details;
  }
}

/** The agent's sentence for an error; any other error keeps its message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function hasErrorCode(error: unknown, code: ErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

export interface TextProblem {
  line?: number;
  message: string;
}

/** Every problem the agent found in a restore text (`details.problems`); empty when it named none. */
export function errorProblems(error: unknown): TextProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((problem: { line?: unknown; message?: unknown }) =>
    typeof problem?.message === 'string'
      ? [
          typeof problem.line === 'number'
            ? { line: problem.line, message: problem.message }
            : { message: problem.message },
        ]
      : [],
  );
}

/** What changed since a change the user wants undone (`details.conflicts` of a 409). */
export function errorConflicts(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const conflicts = (error.details as { conflicts?: unknown } | undefined)?.conflicts;
  return Array.isArray(conflicts) ? conflicts.filter((item): item is string => typeof item === 'string') : [];
}

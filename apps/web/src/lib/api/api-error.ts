import type { ErrorCode } from '@ipvs-dashboard/shared';

/** An error the agent returned, kept in the agent's own words so the UI can show it next to the field. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly field: string | undefined;

  constructor(code: ErrorCode | 'NETWORK', message: string, status: number, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

/** The agent's sentence for an error; any other error keeps its message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when an error belongs to one form field (the agent names it in `field`, e.g. "weight"). */
export function isFieldError(error: unknown, field: string): boolean {
  return error instanceof ApiError && error.field !== undefined && error.field.split('.').pop() === field;
}

/** The agent's sentence when an error belongs to `field`, to show next to it; otherwise undefined. */
export function fieldErrorText(error: unknown, field: string): string | undefined {
  return isFieldError(error, field) ? errorMessage(error) : undefined;
}

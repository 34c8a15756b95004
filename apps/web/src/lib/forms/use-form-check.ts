import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { useT } from '../i18n/i18n-context';
import { translateProblem, withoutFieldName } from './translate-problem';

// A form is checked with the shared schema the agent uses, on every keystroke, so the user sees every
// problem at once, each next to its field, in their language, and the equivalent command is shown only for
// values that validate. Problems appear once the user has tried to submit (not while they start typing);
// what the agent still refuses (a duplicate, a kernel's range) lands next to the field it names.

/** What a form checks its values with: a shared zod schema (structurally, so the web needs no zod import). */
export interface FormSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** A rule across fields that the schema does not hold (the service or real server it goes with). */
export type CrossCheck<T> = (value: T) => [field: string, message: string] | null;

export interface FormCheck<T> {
  /** The checked value when every field is valid (the schema's output); undefined otherwise. */
  value: T | undefined;
  /** The problem to show next to `field`, in the user's language, or undefined. */
  problemOf: (field: string) => string | undefined;
  /** Problems of fields this form does not show (`shown` lists those it does), to show by the button. */
  otherProblems: (shown: readonly string[]) => string[];
  /** True when the agent's error names one of the `shown` fields (it is shown there, not by the button). */
  agentErrorAtField: (shown: readonly string[]) => boolean;
  /** Call on submit: from now on problems are shown; true when the values may be sent. */
  attempt: () => boolean;
  /** Forget the attempt (after a successful submit or a reset). */
  reset: () => void;
}

/** Every field's first problem, in English as the schema says it. */
export function schemaProblems<T>(
  schema: FormSchema<T>,
  candidate: unknown,
  crossCheck?: CrossCheck<T>,
): { value: T | undefined; problems: Map<string, string> } {
  const problems = new Map<string, string>();
  const result = schema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!problems.has(field)) problems.set(field, issue.message);
    }
    // Every problem at once: the rules across fields run on what was typed too (the schema skips its own
    // once a field fails). The candidate has the output's shape; a number typed wrong is NaN, which no
    // comparison of those rules takes for a problem.
    const cross = crossCheck?.(candidate as T);
    if (cross && !problems.has(cross[0])) problems.set(cross[0], cross[1]);
    return { value: undefined, problems };
  }
  const cross = crossCheck?.(result.data);
  if (cross) {
    problems.set(cross[0], cross[1]);
    return { value: undefined, problems };
  }
  return { value: result.data, problems };
}

export function useFormCheck<T>(
  schema: FormSchema<T>,
  candidate: unknown,
  options: { crossCheck?: CrossCheck<T>; agentError?: unknown } = {},
): FormCheck<T> {
  const t = useT();
  const [attempted, setAttempted] = useState(false);
  const { value, problems } = schemaProblems(schema, candidate, options.crossCheck);
  const agent = options.agentError instanceof ApiError ? options.agentError : undefined;
  const agentField = agent?.field?.split('.').pop();
  const problemOf = (field: string): string | undefined => {
    const local = attempted ? problems.get(field) : undefined;
    if (local !== undefined) return translateProblem(local, t);
    if (agent && agentField === field) return translateProblem(withoutFieldName(agent.message, field), t);
    return undefined;
  };
  return {
    value,
    problemOf,
    otherProblems: (shown) =>
      attempted
        ? [...problems]
            .filter(([field]) => !shown.includes(field))
            .map(([, text]) => translateProblem(text, t))
        : [],
    agentErrorAtField: (shown) => agentField !== undefined && shown.includes(agentField),
    attempt: () => {
      setAttempted(true);
      return value !== undefined;
    },
    reset: () => setAttempted(false),
  };
}

/** A number as typed: blank or anything but a plain decimal is NaN, so the schema names the field. */
export function numberFrom(text: string): number {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

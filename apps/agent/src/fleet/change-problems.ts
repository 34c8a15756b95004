// An agent's refusal as the sentences a fleet change shows per director: every problem of a dry run
// (details.problems, each restore line it refuses) or else the one error message.
import type { ErrorBody } from '@ipvs-dashboard/shared';

interface Problem {
  line?: unknown;
  message?: unknown;
}

function problemText(problem: Problem): string | null {
  if (typeof problem.message !== 'string') return null;
  const line = typeof problem.line === 'number' ? problem.line : null;
  return line === null || /^line \d+/.test(problem.message)
    ? problem.message
    : `line ${line}: ${problem.message}`;
}

/** The problems of an error body ({"error":{"message","details":{"problems"}}}), at least one sentence. */
export function problemsOf(error: Partial<ErrorBody['error']> | undefined, fallback: string): string[] {
  const details = error?.details as { problems?: unknown } | undefined;
  const listed = Array.isArray(details?.problems)
    ? (details.problems as Problem[]).map(problemText).filter((text): text is string => text !== null)
    : [];
  if (listed.length > 0) return listed;
  return [typeof error?.message === 'string' ? error.message : fallback];
}

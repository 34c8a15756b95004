// Restore text (what `ipvsadm -R` reads, what `ipvsadm -S` writes) to typed commands, each with its line.
import type { RestoreLine } from './commands.js';
import { parseRestoreTokens } from './parse-line.js';
import { LineProblem, RestoreSyntaxError } from './restore-error.js';
import { tokenizeRestoreText } from './tokenize.js';

/**
 * Parses every line, or throws RestoreSyntaxError (VALIDATION_FAILED, "line N: ...") for the first
 * line ipvsadm would refuse. Nothing is applied here; the caller decides what to do with the commands.
 */
export function parseRestoreText(text: string): RestoreLine[] {
  return tokenizeRestoreText(text).map(({ line, tokens }) => {
    try {
      return { line, command: parseRestoreTokens(tokens) };
    } catch (error) {
      if (error instanceof LineProblem) throw new RestoreSyntaxError(line, error.message);
      throw error;
    }
  });
}

/** Every line ipvsadm would refuse, not just the first: for an editor that marks each bad line. */
export function findRestoreErrors(text: string): RestoreSyntaxError[] {
  const errors: RestoreSyntaxError[] = [];
  for (const { line, tokens } of tokenizeRestoreText(text)) {
    try {
      parseRestoreTokens(tokens);
    } catch (error) {
      if (!(error instanceof LineProblem)) throw error;
      errors.push(new RestoreSyntaxError(line, error.message));
    }
  }
  return errors;
}

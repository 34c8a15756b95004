// The error of a restore text that ipvsadm -R would refuse: VALIDATION_FAILED naming the line.
import { AppError } from '../errors.js';

export class RestoreSyntaxError extends AppError {
  /** 1-based line number in the restore text. */
  readonly line: number;

  constructor(line: number, problem: string) {
    super('VALIDATION_FAILED', `line ${line}: ${problem}`, { field: 'config' });
    this.name = 'RestoreSyntaxError';
    this.line = line;
  }
}

/** A problem found inside one line, before its number is known; parseRestoreText adds the number. */
export class LineProblem extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'LineProblem';
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommonDestinationLine } from '../common-lines.js';
import { formatSaveText } from '../format-save.js';
import { parseAnyRestoreTokens } from '../parse-line.js';
import { LineProblem } from '../restore-error.js';
import { tokenizeRestoreText } from '../tokenize.js';
import { savableTable } from './arbitraries.js';

/** The general path's answer: a command, or the sentence of its refusal. */
function general(tokens: string[]): unknown {
  try {
    return parseAnyRestoreTokens(tokens);
  } catch (error) {
    if (error instanceof LineProblem) return `refused: ${error.message}`;
    throw error;
  }
}

const tricky = fc.constantFrom(
  '-a',
  '-A',
  '-t',
  '-u',
  '-f',
  '-r',
  '-g',
  '-i',
  '-m',
  '-w',
  '-x',
  '-y',
  '-6',
  '--weight',
  '0',
  '1',
  '007',
  '65535',
  '65536',
  '2147483647',
  '2147483648',
  '-1',
  '1.5',
  '10.0.0.1',
  '10.0.0.1:0',
  '10.0.0.1:80',
  '10.0.0.1:65536',
  '10.1:80',
  '010.0.0.1:80',
  '[::1]:80',
  '10.0.0.1:http',
  '10.0.0.256:80',
  '',
);

describe('common-lines', () => {
  it('reads every real-server line of a saved 1,000 x 10 table directly', () => {
    const lines = [];
    for (let i = 0; i < 1000; i++) {
      const vip = `10.100.${Math.floor(i / 250)}.${(i % 250) + 1}:80`;
      for (let d = 0; d < 10; d++) lines.push(`-a -t ${vip} -r 10.200.${i % 250}.${d + 1}:8080 -m -w ${d}`);
    }
    for (const { tokens } of tokenizeRestoreText(lines.join('\n'))) {
      const fast = readCommonDestinationLine(tokens);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(general(tokens));
    }
  });

  it('gives what the general path gives for every line of any saved table it reads', () => {
    fc.assert(
      fc.property(savableTable, (table) => {
        for (const { tokens } of tokenizeRestoreText(formatSaveText(table, { thresholds: true }))) {
          const fast = readCommonDestinationLine(tokens);
          if (fast !== null) expect(fast).toEqual(general(tokens));
        }
      }),
    );
  });

  it('leaves to the general path any line it is not sure of (one token changed to anything odd)', () => {
    const line = ['-a', '-u', '10.0.0.1:53', '-r', '10.0.1.1:5353', '-m', '-w', '3', '-x', '9', '-y', '2'];
    fc.assert(
      fc.property(fc.nat(line.length), tricky, fc.boolean(), (at, token, insert) => {
        const tokens = [...line];
        tokens.splice(at, insert ? 0 : 1, token);
        const fast = readCommonDestinationLine(tokens);
        if (fast !== null) expect(fast).toEqual(general(tokens));
      }),
      { numRuns: 2000 },
    );
  });
});

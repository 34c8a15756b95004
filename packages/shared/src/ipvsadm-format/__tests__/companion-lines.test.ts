import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatCompanionLine, parseCompanionLines } from '../companion-lines.js';

const note = {
  kind: 'note',
  minIds: 1,
  maxIds: 2,
  usage: '<a> [<b>] {json}',
  schema: z.object({ text: z.string().min(1) }),
};
const read = (text: string) => parseCompanionLines(text, note, (ids, value) => ({ ids, value }));

describe('companion lines', () => {
  it('reads back what it writes, with the line each came from, and ignores every other line', () => {
    const text = [
      '-A -t 10.0.0.1:80 -s wlc',
      formatCompanionLine('note', ['a', 'b'], { text: 'x' }),
      '# other',
    ].join('\n');
    expect(read(text)).toEqual([{ line: 2, ids: ['a', 'b'], value: { text: 'x' } }]);
    expect(read('# ipvs-dashboard check a {"text":"x"}')).toEqual([]);
  });

  it('refuses a malformed line by its number, saying the shape, the JSON or the field', () => {
    expect(() => read('\n# ipvs-dashboard note {"text":"x"}')).toThrow(
      /line 2: a note line is .*<a> \[<b>\]/,
    );
    expect(() => read('# ipvs-dashboard note a b c {"text":"x"}')).toThrow(/line 1: a note line/);
    expect(() => read('# ipvs-dashboard note a {"text":')).toThrow(/line 1: the note is not valid JSON/);
    expect(() => read('# ipvs-dashboard note a {"text":""}')).toThrow(/line 1: note text:/);
  });

  it('refuses by its line what the kind cannot make of the ids', () => {
    const strict = () =>
      parseCompanionLines('# ipvs-dashboard note a {"text":"x"}', note, () => {
        throw new Error('a is not a service');
      });
    expect(strict).toThrow(/line 1: a is not a service/);
  });
});

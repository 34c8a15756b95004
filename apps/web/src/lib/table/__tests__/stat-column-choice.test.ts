import { describe, expect, it } from 'vitest';
import { parseChoice } from '../stat-column-choice';
import { defaultStatColumns } from '../stat-columns';

describe('stat-column-choice', () => {
  it('shows the defaults until the operator has chosen, and nothing when they hid everything', () => {
    expect(parseChoice(null)).toEqual(defaultStatColumns);
    expect(parseChoice('')).toEqual([]);
  });

  it("keeps the table's column order and drops names it does not know (an older or newer app's)", () => {
    expect(parseChoice('outBytes,gone,conns,active')).toEqual(['active', 'conns', 'outBytes']);
  });
});

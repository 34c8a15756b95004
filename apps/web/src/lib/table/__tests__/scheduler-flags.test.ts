import { describe, expect, it } from 'vitest';
import { carryFlags, flagsFor } from '../scheduler-flags';

describe('scheduler-flags', () => {
  it('offers the named flags for sh and mh, and flag-1..3 elsewhere', () => {
    expect(flagsFor('sh')).toEqual(['sh-fallback', 'sh-port']);
    expect(flagsFor('mh')).toEqual(['mh-fallback', 'mh-port']);
    expect(flagsFor('wlc')).toEqual(['flag-1', 'flag-2', 'flag-3']);
  });

  it('keeps the bits set when the scheduler changes, under the new names', () => {
    expect(carryFlags(['sh-port', 'sh-fallback'], 'mh')).toEqual(['mh-fallback', 'mh-port']);
    expect(carryFlags(['mh-port'], 'rr')).toEqual(['flag-2']);
    // SCHED3 means nothing to sh, so it is not carried into a form that does not offer it.
    expect(carryFlags(['flag-1', 'flag-3'], 'sh')).toEqual(['sh-fallback']);
  });
});

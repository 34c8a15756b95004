import { describe, expect, it } from 'vitest';
import { formatRate, formatSeconds, formatSi } from '../format-si';

describe('format-si', () => {
  it('keeps small whole numbers as they are', () => {
    expect(formatSi(0)).toBe('0');
    expect(formatSi(999)).toBe('999');
  });

  it('scales by powers of 1000 with three significant digits', () => {
    expect(formatSi(1234)).toBe('1.23 k');
    expect(formatSi(45_600_000)).toBe('45.6 M');
    expect(formatSi(999_600)).toBe('1.00 M');
  });

  it('says bytes and bits plainly, and bits are eight per byte', () => {
    expect(formatRate(1_250_000, 'bytes')).toBe('1.25 Mbytes/s');
    expect(formatRate(1_250_000, 'bits')).toBe('10.0 Mbits/s');
    expect(formatRate(12, 'conns')).toBe('12 conn/s');
    expect(formatRate(0.5, 'packets')).toBe('0.50 packets/s');
  });

  it('shows a dash for values that are not numbers', () => {
    expect(formatSi(Number.NaN)).toBe('–');
  });

  it('writes durations the way people say them', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(900)).toBe('15 min');
    expect(formatSeconds(3900)).toBe('1 h 5 min');
  });
});

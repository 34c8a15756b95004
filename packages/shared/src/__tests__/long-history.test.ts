import { describe, expect, it } from 'vitest';
import {
  fitStep,
  historyRangeQuerySchema,
  longRanges,
  MAX_RANGE_POINTS,
  rangeBounds,
} from '../long-history.js';

describe('fitStep', () => {
  it('draws each offered range in a few hundred points on a round step', () => {
    const steps = Object.fromEntries(
      Object.entries(longRanges).map(([name, span]) => [name, [fitStep(span) / 1000, span / fitStep(span)]]),
    );
    expect(steps).toEqual({ '1h': [15, 240], '6h': [60, 360], '24h': [300, 288], '7d': [1800, 336] });
  });

  it('never goes below 15 s (a scrape) nor over MAX_RANGE_POINTS for any span up to 31 days', () => {
    for (let span = 60_000; span <= 31 * 86_400_000; span = Math.ceil(span * 1.37)) {
      const step = fitStep(span);
      expect(step).toBeGreaterThanOrEqual(15_000);
      expect(span / step).toBeLessThanOrEqual(MAX_RANGE_POINTS);
    }
  });
});

describe('historyRangeQuerySchema', () => {
  const parse = (query: Record<string, string>) => historyRangeQuerySchema.safeParse(query);

  it('takes a named range or a chosen one', () => {
    expect(parse({ service: 'tcp:10.0.0.1:80', range: '24h' }).success).toBe(true);
    const chosen = parse({ service: 'tcp:10.0.0.1:80', from: '1000', to: '3601000' });
    expect(chosen.success && rangeBounds(chosen.data, 0)).toEqual({ from: 1000, to: 3_601_000 });
  });

  it('names what is wrong', () => {
    const messages = (query: Record<string, string>) => {
      const result = parse(query);
      return result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(messages({ service: 'tcp:10.0.0.1:80', range: '2h' })).toEqual([
      'range: range must be one of 1h, 6h, 24h, 7d; or give from and to',
    ]);
    expect(messages({ service: 'tcp:10.0.0.1:80', from: '5' })).toEqual([
      'to: give range (1h, 6h, 24h, 7d), or both from and to',
    ]);
    expect(messages({ service: 'tcp:10.0.0.1:80', from: '0', to: '1000' })).toEqual([
      'to: to must be 1 minute to 31 days after from',
    ]);
    expect(messages({ service: 'tcp:10.0.0.1:80', from: 'yesterday', to: '1000' })[0]).toMatch(
      /^from: from must be a time in milliseconds/,
    );
    expect(messages({ range: '1h' })[0]).toMatch(/^service: /);
  });

  it('a named range ends now', () => {
    const query = historyRangeQuerySchema.parse({ service: 'fwmark:7', range: '1h' });
    expect(rangeBounds(query, 10_000_000)).toEqual({ from: 6_400_000, to: 10_000_000 });
  });
});

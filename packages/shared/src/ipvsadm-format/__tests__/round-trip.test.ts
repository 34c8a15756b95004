import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSaveText } from '../format-save.js';
import { parseRestoreText } from '../parse-restore.js';
import { applyRestoreLines } from '../save-table.js';
import { sortDestinationsLikeIpvsadm, sortServicesLikeIpvsadm } from '../sort.js';
import { savableTable } from './arbitraries.js';

describe('round trip', () => {
  it('parses back every table it formats, thresholds included', () => {
    fc.assert(
      fc.property(savableTable, (table) => {
        const text = formatSaveText(table);
        const restored = applyRestoreLines([], parseRestoreText(text));
        const expected = sortServicesLikeIpvsadm(table).map((service) => ({
          ...service,
          destinations: sortDestinationsLikeIpvsadm(service.destinations),
        }));
        expect(restored).toEqual(expected);
        // ipvsadm's comparator is not transitive (int overflow), so re-sorting may reorder; the lines stay.
        expect(formatSaveText(restored).split('\n').sort()).toEqual(text.split('\n').sort());
      }),
      { numRuns: 300 },
    );
  }, 60_000); // many generated tables: minutes on a loaded 2-core machine, not a sign of a bug
});

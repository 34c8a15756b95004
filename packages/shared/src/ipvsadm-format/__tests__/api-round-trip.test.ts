import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSaveText } from '../format-save.js';
import { parseRestoreText } from '../parse-restore.js';
import { applyRestoreLines } from '../save-table.js';
import { sortDestinationsLikeIpvsadm, sortServicesLikeIpvsadm } from '../sort.js';
import { apiTable } from './api-arbitraries.js';

describe('export then import of a table built through the API', () => {
  it('gives back every service and real server the API accepted, unchanged', () => {
    fc.assert(
      fc.property(apiTable, (table) => {
        const imported = applyRestoreLines([], parseRestoreText(formatSaveText(table)));
        const exported = sortServicesLikeIpvsadm(table).map((service) => ({
          ...service,
          destinations: sortDestinationsLikeIpvsadm(service.destinations),
        }));
        expect(imported).toEqual(exported);
      }),
      { numRuns: 400 },
    );
  }, 60_000); // many generated tables: minutes on a loaded 2-core machine, not a sign of a bug
});

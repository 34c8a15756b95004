// A table to the text `ipvsadm -S -n` prints (ipvsadm.c list_all with FMT_RULE), sorted the same way.
import { formatCommand, type FormatOptions } from './format-command.js';
import type { SavableService } from './save-table.js';
import { sortDestinationsLikeIpvsadm, sortServicesLikeIpvsadm } from './sort.js';

/**
 * Byte for byte what `ipvsadm -Sn` prints for this table, plus `-x`/`-y` on real servers with
 * thresholds unless `{ thresholds: false }` (ipvsadm -R reads them back; plain ipvsadm -S drops them).
 */
export function formatSaveText(services: readonly SavableService[], options: FormatOptions = {}): string {
  const lines: string[] = [];
  for (const service of sortServicesLikeIpvsadm(services)) {
    const { key, destinations, ...settings } = service;
    lines.push(formatCommand({ kind: 'add-service', service: { ...key, ...settings } }, options));
    for (const destination of sortDestinationsLikeIpvsadm(destinations)) {
      lines.push(formatCommand({ kind: 'add-destination', service: key, destination }, options));
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

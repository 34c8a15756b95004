import {
  AppError,
  applyRestoreLines,
  formatSaveText,
  parseRestoreText,
  type IpvsadmCommandKind,
  type SavableService,
} from '@ipvs-dashboard/shared';
import type { ConfigTextFormat } from '../agent-context.js';

/** Commands that describe the table; zero, --set and daemons are not configuration of the table. */
const tableCommands: ReadonlySet<IpvsadmCommandKind> = new Set([
  'add-service',
  'edit-service',
  'delete-service',
  'add-destination',
  'edit-destination',
  'delete-destination',
  'clear',
]);

/**
 * /config speaks `ipvsadm -Sn` (with -x/-y so thresholds survive a round trip). A restore text is read as
 * the whole desired table, as ipvsadm-restore after -C would leave it.
 */
export const ipvsadmConfigText: ConfigTextFormat = {
  format: (table) => formatSaveText(table, { thresholds: true }),
  parse(text): SavableService[] {
    const lines = parseRestoreText(text);
    const other = lines.find((l) => !tableCommands.has(l.command.kind));
    if (other) {
      throw new AppError(
        'VALIDATION_FAILED',
        `line ${other.line}: /config holds only the table (-A -E -D -a -e -d -C); use the API for ${other.command.kind}.`,
        { field: 'config' },
      );
    }
    return applyRestoreLines([], lines);
  },
};

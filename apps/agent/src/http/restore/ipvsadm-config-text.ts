import {
  AppError,
  findRestoreErrors,
  formatSaveText,
  parseRestoreText,
  type IpvsadmCommandKind,
  type RestoreLine,
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
 * /config speaks `ipvsadm -Sn` (with -x/-y so thresholds survive a round trip). A restore text is read
 * line by line; every line ipvsadm would refuse is reported at once.
 */
export const ipvsadmConfigText: ConfigTextFormat = {
  format: (table) => formatSaveText(table, { thresholds: true }),
  parse(text): RestoreLine[] {
    let lines: RestoreLine[];
    try {
      lines = parseRestoreText(text);
    } catch (error) {
      // Parsed once more, only when refused, to name every bad line rather than the first.
      const errors = findRestoreErrors(text);
      if (errors.length === 0) throw error;
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new AppError('VALIDATION_FAILED', `${errors[0]?.message ?? ''}${more}. Nothing was changed.`, {
        field: 'config',
        details: { problems: errors.map((e) => ({ line: e.line, message: e.message })) },
      });
    }
    const other = lines.filter((l) => !tableCommands.has(l.command.kind));
    if (other.length > 0) {
      const problems = other.map((l) => ({
        line: l.line,
        message: `line ${l.line}: /config holds only the table (-A -E -D -a -e -d -C); use the API for ${l.command.kind}.`,
      }));
      throw new AppError('VALIDATION_FAILED', problems[0]?.message, {
        field: 'config',
        details: { problems },
      });
    }
    return lines;
  },
};

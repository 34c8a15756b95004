import { AppError } from '@ipvs-dashboard/shared';
import { dashboardFamilies } from './dashboard-families.js';

/** Every family --metrics can turn on, in the order /metrics lists them. */
export const optionalMetricFamilies: readonly string[] = dashboardFamilies.map((family) => family.name);

/**
 * `--metrics` text to the set of opt-in families: comma-separated family names, a name ending in `*` for
 * every family it starts (`ipvs_dashboard_destination_*`), `all`, or `none` (the default: node_exporter's
 * node_ipvs_* families and ipvs_dashboard_up only). A name that matches nothing is an error, not ignored.
 */
export function parseMetricSelection(text: string): ReadonlySet<string> {
  const selected = new Set<string>();
  for (const item of text.split(',').map((part) => part.trim())) {
    if (item === '' || item === 'none') continue;
    const matches =
      item === 'all'
        ? optionalMetricFamilies
        : item.endsWith('*')
          ? optionalMetricFamilies.filter((name) => name.startsWith(item.slice(0, -1)))
          : optionalMetricFamilies.filter((name) => name === item);
    if (matches.length === 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `--metrics: "${item}" names no optional family. Use all, none, or names (a trailing * matches a prefix) from: ${optionalMetricFamilies.join(', ')}.`,
        { field: 'metrics' },
      );
    }
    for (const name of matches) selected.add(name);
  }
  return selected;
}

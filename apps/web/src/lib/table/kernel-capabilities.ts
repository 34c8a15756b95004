import type { InfoResponse } from '@ipvs-dashboard/shared';

type Listed = 'persistenceEngines' | 'tunnelTypes';

/**
 * True when the agent said this kernel lacks `name` (GET /info), so the agent would refuse a change that
 * asks for it. Unknown (no answer yet, or modules the agent could not list: no schedulers) is not lacking.
 */
export function kernelLacks(info: InfoResponse | undefined, list: Listed, name: string): boolean {
  const listed = info?.[list] as readonly string[] | undefined;
  if (!info || !listed) return false;
  if (list === 'persistenceEngines' && info.schedulers.length === 0) return false;
  return !listed.includes(name);
}

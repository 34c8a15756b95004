// IP_VS_DEST_F_OVERLOAD: when the kernel stops sending new connections to a real server because of its
// connection thresholds (ipvsadm -x/-y). The one home of the rule: the simulated backend applies it as
// connections come and go, the kernel backend to each reading (the kernel does not export the flag over
// netlink; docs/reference and ipvs-netlink.md §4.1), the web app explains it.
//   set   (ip_vs_conn.c ip_vs_bind_dest):   upper != 0 and active + inactive >= upper
//   clear (ip_vs_conn.c ip_vs_unbind_dest): active + inactive < lower, or with lower 0 below 3/4 of upper;
//                                            always when there is no upper threshold
//   clear (ip_vs_ctl.c __ip_vs_update_dest): an edit that removes or raises the upper threshold
// Persistence templates do not count (ip_vs_dest_totalconns is active + inactive).

/** What the rule reads of a real server. */
export interface OverloadReading {
  activeConns: number;
  inactiveConns: number;
  upperThreshold: number;
  lowerThreshold: number;
}

function totalConns(reading: OverloadReading): number {
  return reading.activeConns + reading.inactiveConns;
}

/** A new connection made the total reach the upper threshold: the kernel sets the flag. */
export function overloadSets(reading: OverloadReading): boolean {
  return reading.upperThreshold !== 0 && totalConns(reading) >= reading.upperThreshold;
}

/** A connection went and the total is below where the flag clears (lower, or 3/4 of upper when lower is 0). */
export function overloadClears(reading: OverloadReading): boolean {
  const { upperThreshold: upper, lowerThreshold: lower } = reading;
  if (lower !== 0) return totalConns(reading) < lower;
  if (upper !== 0) return totalConns(reading) * 4 < upper * 3;
  return true;
}

/** The total at which an overloaded server takes new connections again: below this (the form says so). */
export function overloadClearsBelow(upperThreshold: number, lowerThreshold: number): number {
  return lowerThreshold !== 0 ? lowerThreshold : Math.ceil((upperThreshold * 3) / 4);
}

/** An edit from `oldUpper` to `newUpper` clears the flag when it removes or raises the upper threshold. */
export function editClearsOverload(oldUpper: number, newUpper: number): boolean {
  return newUpper === 0 || newUpper > oldUpper;
}

/**
 * The flag after a reading, given what it was at the previous one (`previous` undefined: not seen before).
 * Between the two thresholds the flag keeps its last state (hysteresis), as it does in the kernel.
 */
export function overloadedAfter(
  previous: { overloaded: boolean; upperThreshold: number } | undefined,
  reading: OverloadReading,
): boolean {
  let overloaded = previous?.overloaded ?? false;
  const edited = previous !== undefined && previous.upperThreshold !== reading.upperThreshold;
  if (edited && editClearsOverload(previous.upperThreshold, reading.upperThreshold)) overloaded = false;
  if (overloadSets(reading)) return true;
  if (overloadClears(reading)) return false;
  return overloaded;
}

// A real server's connection gauges and its overload flag, as ip_vs_conn.c ip_vs_bind_dest/unbind_dest
// keep them: binding sets IP_VS_DEST_F_OVERLOAD once active + inactive reaches the upper threshold;
// unbinding clears it below the lower threshold, or with no lower threshold below 3/4 of the upper one
// (the rule itself: shared overload.ts). The schedulers skip an overloaded server (schedulers/scheduler.ts).
import { overloadClears, overloadSets, type OverloadReading } from '@ipvs-dashboard/shared';
import type { SimDestination } from '../sim-state.js';

/** The rule's view of the real server, field by field (no object per connection beyond this one). */
function reading(dest: SimDestination): OverloadReading {
  const { upperThreshold, lowerThreshold } = dest.settings;
  return { activeConns: dest.activeConns, inactiveConns: dest.inactiveConns, upperThreshold, lowerThreshold };
}

function checkOverloadOnBind(dest: SimDestination): void {
  if (dest.settings.upperThreshold !== 0 && overloadSets(reading(dest))) dest.overloaded = true;
}

function checkOverloadOnUnbind(dest: SimDestination): void {
  if (dest.overloaded && overloadClears(reading(dest))) dest.overloaded = false;
}

/** A new connection: TCP/SCTP start active, UDP (no states) counts as inactive. */
export function bindConnection(dest: SimDestination, active: boolean): void {
  dest.moved = true;
  if (active) dest.activeConns++;
  else dest.inactiveConns++;
  checkOverloadOnBind(dest);
}

export function unbindConnection(dest: SimDestination, active: boolean): void {
  dest.moved = true;
  if (active) dest.activeConns--;
  else dest.inactiveConns--;
  checkOverloadOnUnbind(dest);
}

/** TCP ESTABLISHED -> TIME_WAIT and the like (ip_vs_proto_tcp.c set_tcp_state); no overload check. */
export function deactivate(dest: SimDestination): void {
  dest.moved = true;
  dest.activeConns--;
  dest.inactiveConns++;
}

export function bindTemplate(dest: SimDestination): void {
  dest.moved = true;
  dest.persistentConns++;
  checkOverloadOnBind(dest);
}

export function unbindTemplate(dest: SimDestination): void {
  dest.moved = true;
  dest.persistentConns--;
  checkOverloadOnUnbind(dest);
}

// A real server's connection gauges and its overload flag, as ip_vs_conn.c ip_vs_bind_dest/unbind_dest
// keep them: binding sets IP_VS_DEST_F_OVERLOAD once active + inactive reaches the upper threshold;
// unbinding clears it below the lower threshold, or with no lower threshold below 3/4 of the upper one.
import type { SimDestination } from '../sim-state.js';

function totalConns(dest: SimDestination): number {
  return dest.activeConns + dest.inactiveConns;
}

function checkOverloadOnBind(dest: SimDestination): void {
  const upper = dest.settings.upperThreshold;
  if (upper !== 0 && totalConns(dest) >= upper) dest.overloaded = true;
}

function checkOverloadOnUnbind(dest: SimDestination): void {
  const { upperThreshold: upper, lowerThreshold: lower } = dest.settings;
  if (lower !== 0) {
    if (totalConns(dest) < lower) dest.overloaded = false;
  } else if (upper !== 0) {
    if (totalConns(dest) * 4 < upper * 3) dest.overloaded = false;
  } else {
    dest.overloaded = false;
  }
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

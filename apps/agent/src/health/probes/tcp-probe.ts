import { connect } from 'node:net';
import type { HealthCheck } from '@ipvs-dashboard/shared';
import { probeDeadlines } from './coarse-deadlines.js';
import { networkDetail, timedOut, type ProbeOutcome, type ProbeTarget } from './probe.js';

/**
 * keepalived's TCP_CHECK: up when a TCP connection is accepted within the timeout; closed at once. The
 * timeout is a shared coarse deadline (coarse-deadlines.ts), not a timer per check.
 */
export function tcpProbe(target: ProbeTarget, check: HealthCheck): Promise<ProbeOutcome> {
  const timeoutMs = check.timeoutSeconds * 1000;
  return new Promise((resolve) => {
    const socket = connect({
      host: target.address,
      port: target.port,
      ...(check.sourceAddress ? { localAddress: check.sourceAddress } : {}),
    });
    const deadline = probeDeadlines.after(timeoutMs, () =>
      finish({ ok: false, detail: timedOut(timeoutMs) }),
    );
    function finish(outcome: ProbeOutcome) {
      deadline.cancel();
      socket.destroy();
      resolve(outcome);
    }
    socket.once('connect', () => finish({ ok: true, detail: 'connected' }));
    socket.once('error', (error) => finish({ ok: false, detail: networkDetail(error) }));
  });
}

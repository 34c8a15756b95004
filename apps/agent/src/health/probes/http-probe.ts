import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HealthCheck } from '@ipvs-dashboard/shared';
import { networkDetail, timedOut, type ProbeOutcome, type ProbeTarget } from './probe.js';

/** A body is read only as far as needed to find `bodyContains`, and never past this. */
const MAX_BODY_BYTES = 64 * 1024;

function bracketed(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

function judge(response: IncomingMessage, check: HealthCheck, body: string | null): ProbeOutcome {
  const status = response.statusCode ?? 0;
  const expected = check.expectStatus ?? [200];
  const line = `${status} ${response.statusMessage ?? ''}`.trim();
  if (!expected.includes(status)) return { ok: false, detail: `${line} (expected ${expected.join(', ')})` };
  if (check.bodyContains !== undefined && !(body ?? '').includes(check.bodyContains)) {
    return { ok: false, detail: `${line}, body lacks "${check.bodyContains}"` };
  }
  return { ok: true, detail: line };
}

/**
 * keepalived's HTTP_GET and SSL_GET: GET the path, up when the status is one of `expectStatus` and the body
 * holds `bodyContains`. The Host header is the check's `host`, else the real server's address; https does
 * not verify the certificate unless `verifyTls` (real servers usually present the VIP's name, not theirs).
 */
export function httpProbe(target: ProbeTarget, check: HealthCheck): Promise<ProbeOutcome> {
  const timeoutMs = check.timeoutSeconds * 1000;
  const secure = check.kind === 'https';
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const abort = new AbortController();
    let done = false;
    const finish = (outcome: ProbeOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      abort.abort();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, detail: timedOut(timeoutMs) }), timeoutMs);
    const host =
      check.host ??
      (target.port === (secure ? 443 : 80)
        ? bracketed(target.address)
        : `${bracketed(target.address)}:${target.port}`);
    const outgoing = request(
      {
        host: target.address,
        port: target.port,
        method: 'GET',
        path: check.path ?? '/',
        headers: { Host: host, 'User-Agent': 'ipvs-dashboard-health-check', Connection: 'close' },
        agent: false,
        signal: abort.signal,
        ...(check.sourceAddress ? { localAddress: check.sourceAddress } : {}),
        ...(secure
          ? { rejectUnauthorized: check.verifyTls ?? false, servername: check.host?.replace(/:\d+$/, '') }
          : {}),
      },
      (response) => {
        if (check.bodyContains === undefined) {
          finish(judge(response, check, null));
          return;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          bytes += chunk.length;
          const body = Buffer.concat(chunks).toString('utf8');
          if (body.includes(check.bodyContains!) || bytes >= MAX_BODY_BYTES)
            finish(judge(response, check, body));
        });
        response.on('end', () => finish(judge(response, check, Buffer.concat(chunks).toString('utf8'))));
        response.on('error', (error) => finish({ ok: false, detail: networkDetail(error) }));
      },
    );
    outgoing.on('error', (error) => finish({ ok: false, detail: networkDetail(error) }));
    outgoing.end();
  });
}

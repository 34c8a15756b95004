// One GET to a peer agent with its token: TLS verified unless the fleet file says otherwise, a deadline
// for the whole answer (not just the connect), and a size cap. Every failure becomes one sentence that
// says what to check, because it is shown as is on the Fleet page.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FleetPeer } from '../config/fleet-file.js';

export interface PeerAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class PeerError extends Error {
  override readonly name = 'PeerError';
}

export interface PeerRequestOptions {
  timeoutMs: number;
  /** A 1,000 x 10 table is a few MB of JSON; anything far beyond is not an agent answering. */
  maxBytes?: number;
}

function describe(peer: FleetPeer, error: NodeJS.ErrnoException): string {
  if (error instanceof PeerError) return error.message;
  switch (error.code) {
    case 'ECONNREFUSED':
      return `connection refused at ${peer.url}: is its agent running and listening there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the host of ${peer.url}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `no route to ${peer.url}`;
    case 'ECONNRESET':
      return `${peer.url} closed the connection before answering (its agent stopped, or plain HTTP to a TLS port or the other way round?)`;
  }
  if (error.code?.startsWith('ERR_TLS') || /certificate|self.signed|SSL|TLS/i.test(error.message)) {
    return `TLS to ${peer.url} failed: ${error.message} (give the agent a certificate this host trusts; "tlsVerify": false only for a test rig)`;
  }
  return `${peer.url}: ${error.message}`;
}

/** What to send beside the token: a method other than GET, a body, headers (X-Fleet-Change, If-Match). */
export interface PeerSend {
  method: 'GET' | 'POST';
  body?: { type: string; text: string };
  headers?: Record<string, string>;
}

/** GET `path` (starting with /api/v1/) from a peer; rejects with a PeerError that says why in one sentence. */
export function peerGet(peer: FleetPeer, path: string, options: PeerRequestOptions): Promise<PeerAnswer> {
  return peerRequest(peer, path, { method: 'GET' }, options);
}

/** One request to a peer with its token; any answer resolves (the caller judges its status). */
export function peerRequest(
  peer: FleetPeer,
  path: string,
  send: PeerSend,
  options: PeerRequestOptions,
): Promise<PeerAnswer> {
  const url = new URL(path, `${peer.url}/`);
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = send.body === undefined ? undefined : Buffer.from(send.body.text, 'utf8');
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: send.method,
      headers: {
        authorization: `Bearer ${peer.token}`,
        accept: 'application/json',
        ...(send.body === undefined || body === undefined
          ? {}
          : { 'content-type': send.body.type, 'content-length': String(body.length) }),
        ...send.headers,
      },
      rejectUnauthorized: peer.tlsVerify,
      // A fresh connection each time: a peer that went away is noticed at once, not on a stale socket.
      agent: false,
    });
    const deadline = setTimeout(() => {
      outgoing.destroy(new PeerError(`${peer.url} did not answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const fail = (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      reject(new PeerError(describe(peer, error), { cause: error }));
    };
    outgoing.on('error', fail);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          outgoing.destroy(
            new PeerError(`${peer.url} answered more than ${maxBytes} bytes for ${url.pathname}`),
          );
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('error', fail);
      incoming.on('end', () => {
        clearTimeout(deadline);
        resolve({
          status: incoming.statusCode ?? 502,
          headers: incoming.headers,
          body: Buffer.concat(chunks),
        });
      });
    });
    outgoing.end(body);
  });
}

/** The peer's error sentence from an error answer ({"error":{"message"}}), or the status alone. */
export function peerRefusal(peer: FleetPeer, answer: PeerAnswer): string {
  let message = '';
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') message = `: ${parsed.error.message}`;
  } catch {
    // Not JSON: the status says enough.
  }
  if (answer.status === 401)
    return `${peer.url} refused the token (401): check this director's token in the fleet file`;
  if (answer.status === 403) return `${peer.url} refused the token (403)${message}`;
  return `${peer.url} answered ${answer.status}${message}`;
}

/** GET a JSON body from a peer; anything but a 2xx is a PeerError with the peer's own sentence. */
export async function peerJson(peer: FleetPeer, path: string, options: PeerRequestOptions): Promise<unknown> {
  return answerJson(peer, path, await peerGet(peer, path, options));
}

/** The JSON body of a peer's answer to `path`; anything but a 2xx is a PeerError with the peer's own sentence. */
export function answerJson(peer: FleetPeer, path: string, answer: PeerAnswer): unknown {
  if (answer.status < 200 || answer.status > 299) throw new PeerError(peerRefusal(peer, answer));
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new PeerError(
      `${peer.url} answered ${path} with something that is not JSON: is it an ipvs-dashboard agent?`,
    );
  }
}

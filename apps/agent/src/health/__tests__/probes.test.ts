// The probes against real servers on loopback (the only addresses a unit test may use).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthCheck } from '@ipvs-dashboard/shared';
import { networkProbe } from '../probes/network-probe.js';
import type { ProbeTarget } from '../probes/probe.js';

const base = { intervalSeconds: 1, timeoutSeconds: 0.5, rise: 1, fall: 1 };
const servers: Server[] = [];
const seen: { host?: string; path?: string }[] = [];

function answer(request: IncomingMessage, response: ServerResponse) {
  seen.push({ host: request.headers.host ?? '', path: request.url ?? '' });
  if (request.url === '/slow') return; // never answers
  response.writeHead(request.url === '/broken' ? 503 : 200, { 'content-type': 'text/plain' });
  response.end(request.url === '/broken' ? 'down' : 'all good here');
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const at = (port: number): ProbeTarget => ({
  address: '127.0.0.1',
  port,
  service: { protocol: 'tcp', address: '127.0.0.1', port },
  destination: { address: '127.0.0.1', port },
});

let httpPort = 0;
let httpsPort = 0;
let tcpPort = 0;
let closedPort = 0;

beforeAll(async () => {
  if (!existsSync('/usr/bin/openssl')) {
    throw new Error('openssl is missing: run apt-get install -y openssl (npm test installs it as root)');
  }
  const dir = await mkdtemp(join(tmpdir(), 'probe-tls-'));
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=vip.example.com',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  expect(made.status).toBe(0);
  const tls = { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) };
  httpPort = await listen(createHttpServer(answer));
  httpsPort = await listen(createHttpsServer(tls, answer));
  tcpPort = await listen(createTcpServer((socket) => socket.end()));
  const closed = createTcpServer();
  closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  servers.pop();
});

afterAll(() => {
  for (const server of servers) {
    server.close();
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  }
});

describe('probes', () => {
  it('tcp: up when the port accepts, "connect refused" when nothing listens', async () => {
    expect(await networkProbe(at(tcpPort), { ...base, kind: 'tcp' })).toEqual({
      ok: true,
      detail: 'connected',
    });
    expect(await networkProbe(at(closedPort), { ...base, kind: 'tcp' })).toEqual({
      ok: false,
      detail: 'connect refused',
    });
  });

  it('http: status, body and Host header as configured', async () => {
    const check: HealthCheck = {
      ...base,
      kind: 'http',
      path: '/health',
      bodyContains: 'good',
      host: 'www.example.com',
    };
    expect(await networkProbe(at(httpPort), check)).toEqual({ ok: true, detail: '200 OK' });
    expect(seen.at(-1)).toEqual({ host: 'www.example.com', path: '/health' });
    expect(await networkProbe(at(httpPort), { ...check, bodyContains: 'great' })).toEqual({
      ok: false,
      detail: '200 OK, body lacks "great"',
    });
    expect(await networkProbe(at(httpPort), { ...check, path: '/broken' })).toEqual({
      ok: false,
      detail: '503 Service Unavailable (expected 200)',
    });
    expect(
      await networkProbe(at(httpPort), {
        ...check,
        path: '/broken',
        expectStatus: [503],
        bodyContains: 'down',
      }),
    ).toEqual({
      ok: true,
      detail: '503 Service Unavailable',
    });
    await networkProbe(at(httpPort), { ...base, kind: 'http' });
    expect(seen.at(-1)).toEqual({ host: `127.0.0.1:${httpPort}`, path: '/' });
  });

  it('http: a server that does not answer fails at the timeout', async () => {
    const started = Date.now();
    expect(
      await networkProbe(at(httpPort), { ...base, kind: 'http', path: '/slow', timeoutSeconds: 0.2 }),
    ).toEqual({
      ok: false,
      detail: 'timed out after 200 ms',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('https: a self-signed certificate passes unless verifyTls asks', async () => {
    expect(await networkProbe(at(httpsPort), { ...base, kind: 'https' })).toEqual({
      ok: true,
      detail: '200 OK',
    });
    const verified = await networkProbe(at(httpsPort), { ...base, kind: 'https', verifyTls: true });
    expect(verified.ok).toBe(false);
    expect(verified.detail).toMatch(/SELF_SIGNED|self[- ]signed/i);
  });

  it('command: exit 0 is up, with the real server in its environment; a hung one is killed at the timeout', async () => {
    const command = (text: string, timeoutSeconds = 0.5): HealthCheck => ({
      ...base,
      kind: 'command',
      command: text,
      timeoutSeconds,
    });
    expect(
      await networkProbe(at(80), command('test "$REAL_SERVER_ADDRESS:$REAL_SERVER_PORT" = 127.0.0.1:80')),
    ).toEqual({
      ok: true,
      detail: 'exit 0',
    });
    expect(await networkProbe(at(80), command('exit 3'))).toEqual({ ok: false, detail: 'exit 3' });
    const started = Date.now();
    expect(await networkProbe(at(80), command('sleep 30; true', 0.2))).toEqual({
      ok: false,
      detail: 'timed out after 200 ms',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

// HTTPS webhooks have their certificate verified: a receiver on 127.0.0.1 with a self-signed certificate
// gets no event (the handshake is refused), and the log says why.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSettingsSchema } from '@ipvs-dashboard/shared';
import { Alerts } from '../alerts.js';
import { serverDownAlert } from '../alert-messages.js';

let server: Server;
let requests = 0;

beforeAll(async () => {
  if (!existsSync('/usr/bin/openssl')) {
    throw new Error('openssl is missing: run apt-get install -y openssl (npm test installs it as root)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'webhook-tls-'));
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  expect(made.status).toBe(0);
  server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (_request, response) => {
      requests++;
      response.end();
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('webhook TLS', () => {
  it('refuses a receiver whose certificate no trusted CA signed, and says so', async () => {
    const lines: string[] = [];
    const { port } = server.address() as AddressInfo;
    const alerts = new Alerts({
      settings: webhookSettingsSchema.parse({
        webhooks: [{ url: `https://127.0.0.1:${port}/hook` }],
        retry: { maxAttempts: 2, firstDelaySeconds: 0.01 },
      }),
      log: (line) => lines.push(line),
    });
    alerts.notify(serverDownAlert('tcp:10.0.0.1:80', '10.0.1.2:80', 'connect refused'));
    await alerts.idle();
    alerts.stop();
    expect(requests).toBe(0);
    expect(alerts.deliveries[0]?.counts).toMatchObject({ delivered: 0, failed: 1 });
    expect(lines.find((line) => line.includes('gave up'))).toMatch(/SELF_SIGNED|self[- ]signed/i);
  });
});

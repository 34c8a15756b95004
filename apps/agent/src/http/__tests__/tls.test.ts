import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../config/index.js';
import { SimulatedBackend } from '../../simulated/index.js';
import { startAgentServer, type AgentServer } from '../agent-server.js';
import { ipvsadmConfigText } from '../restore/ipvsadm-config-text.js';
import { testToken } from './test-agent.js';

/** openssl makes the test certificate: missing, the suite fails, it never skips (npm test installs it). */
function requireOpenssl(): void {
  if (!existsSync('/usr/bin/openssl')) {
    throw new Error('openssl is missing: run apt-get install -y openssl (npm test installs it as root)');
  }
}
let agent: AgentServer;

function get(
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: agent.port,
        path,
        rejectUnauthorized: false,
        headers: { host: `localhost:${agent.port}` },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('tls', () => {
  beforeAll(async () => {
    requireOpenssl();
    const dir = await mkdtemp(join(tmpdir(), 'tls-'));
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    expect(made.status).toBe(0);
    const config = resolveConfig(
      // Beyond loopback is allowed with TLS and no stated reason.
      { listen: '0.0.0.0:0', token: testToken, tlsCert: join(dir, 'cert.pem'), tlsKey: join(dir, 'key.pem') },
      { stateDir: dir, webDir: join(dir, 'web') },
    );
    agent = await startAgentServer({
      config,
      backend: new SimulatedBackend(),
      backendReason: null,
      configText: ipvsadmConfigText,
      log: () => undefined,
    });
  });
  afterAll(() => agent.close());

  it('serves HTTPS with HSTS, a Secure session cookie and upgrade-insecure-requests', async () => {
    const login = await get(`/?token=${testToken}`);
    expect(login.status).toBe(303);
    expect(String(login.headers['set-cookie'])).toMatch(/Secure/);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(login.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});

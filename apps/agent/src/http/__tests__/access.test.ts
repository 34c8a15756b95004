import { mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAgent, testToken, type TestAgent } from './test-agent.js';

let t: TestAgent;
let bare: TestAgent;
beforeAll(async () => {
  const webDir = await mkdtemp(join(tmpdir(), 'web-'));
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>dashboard app</title>');
  await writeFile(join(webDir, 'app.js'), 'console.log(1)');
  t = await startTestAgent({ webDir });
  bare = await startTestAgent();
});
afterAll(async () => {
  await t.agent.close();
  await bare.agent.close();
});

/** fetch() cannot set Host; node:http can. */
function getWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, headers: { host, authorization: `Bearer ${testToken}` } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('access', () => {
  it('answers 401 without a token, on the API and /metrics', async () => {
    for (const path of ['/api/v1/services', '/api/v1/info', '/metrics']) {
      const response = await fetch(`${t.base}${path}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    const wrong = await t.api('/services', { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
  });

  it('exchanges /?token= for an HttpOnly SameSite=Strict cookie and drops the token from the URL', async () => {
    const login = await fetch(`${t.base}/?token=${testToken}`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0] ?? '';
    const withCookie = await fetch(`${t.base}/api/v1/services`, { headers: { cookie: session } });
    expect(withCookie.status).toBe(200);
    const forged = await fetch(`${t.base}/api/v1/services`, {
      headers: { cookie: 'ipvs_dashboard_session=forged' },
    });
    expect(forged.status).toBe(401);
    const badLogin = await fetch(`${t.base}/?token=wrong`, { redirect: 'manual' });
    expect(badLogin.status).toBe(401);
    expect(badLogin.headers.get('set-cookie')).toBeNull();
  });

  it('keeps a browser signed in across an agent restart with the same token, not with another', async () => {
    const first = await startTestAgent();
    const login = await fetch(`${first.base}/?token=${testToken}`, { redirect: 'manual' });
    const session = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await first.agent.close();
    const restarted = await startTestAgent({ stateDir: first.stateDir });
    try {
      const after = await fetch(`${restarted.base}/api/v1/services`, { headers: { cookie: session } });
      expect(after.status).toBe(200);
    } finally {
      await restarted.agent.close();
    }
    const other = await startTestAgent({ token: 'another-token-0123456789' });
    try {
      const refused = await fetch(`${other.base}/api/v1/services`, { headers: { cookie: session } });
      expect(refused.status).toBe(401);
    } finally {
      await other.agent.close();
    }
  });

  it('refuses foreign Host headers (DNS rebinding) and accepts its own names', async () => {
    expect(await getWithHost(t.agent.port, '/api/v1/info', 'evil.example:8080')).toBe(403);
    expect(await getWithHost(t.agent.port, '/api/v1/info', `localhost:${t.agent.port}`)).toBe(200);
    expect(await getWithHost(t.agent.port, '/api/v1/info', `127.0.0.1:${t.agent.port}`)).toBe(200);
    expect(await getWithHost(t.agent.port, '/api/v1/info', 'dashboard.example.com')).toBe(200);
  });

  it('needs a JSON content type for mutations and a same-host Origin', async () => {
    const form = await t.api('/zero', {
      method: 'POST',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(400);
    expect(await form.json()).toMatchObject({ error: { field: 'content-type' } });
    const plain = await t.api('/zero', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(400);
    const bodiless = await t.api('/zero', { method: 'POST' });
    expect(bodiless.status).toBe(204);
    const bodilessCrossSite = await t.api('/zero', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(bodilessCrossSite.status).toBe(403);
    const crossSite = await t.api('/zero', {
      method: 'POST',
      json: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await t.api('/zero', { method: 'POST', json: {}, headers: { origin: t.base } });
    expect(sameSite.status).toBe(204);
  });

  it('sends helmet headers with a CSP that allows the same-origin app', async () => {
    const response = await fetch(`${t.base}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the web app with an SPA fallback, and says so when it is not built', async () => {
    expect(await (await fetch(`${t.base}/`)).text()).toContain('dashboard app');
    expect(await (await fetch(`${t.base}/services/tcp:10.0.0.1:80`)).text()).toContain('dashboard app');
    expect(await (await fetch(`${t.base}/app.js`)).text()).toBe('console.log(1)');
    const missing = await fetch(`${bare.base}/`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build');
  });
});

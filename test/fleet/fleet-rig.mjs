// What the fleet change suites share: agent processes on 127.0.0.1 in one temporary directory (simulated
// backend, so nothing leaves loopback), the small table both directors are set to (so the demo's outage
// cannot move them), and calls with each agent's own token.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentProcess, freePort } from '../e2e/lib/agent-process.mjs';

export const TABLE = [
  '-A -t 10.0.0.1:80 -s wrr',
  '-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 5',
  '-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 5',
  '',
].join('\n');

/** One GET or change with `agent`'s token; the body parsed when it is JSON, and the ETag. */
export async function call(agent, path, { method = 'GET', json, text } = {}) {
  const headers = { authorization: `Bearer ${agent.token}` };
  let body;
  if (json !== undefined) [headers['content-type'], body] = ['application/json', JSON.stringify(json)];
  if (text !== undefined) [headers['content-type'], body] = ['text/plain', text];
  const response = await fetch(`${agent.origin}${path}`, { method, headers, body });
  const type = response.headers.get('content-type') ?? '';
  const answer = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, body: answer, etag: response.headers.get('etag') };
}

/** A rig of named agents under one temporary directory (`prefix` names it). */
export async function fleetRig(prefix) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const agents = {};
  return {
    dir,
    agents,
    async startAgent(name, args = []) {
      const agent = new AgentProcess({
        port: await freePort(),
        token: `token-of-${name}-0123456789abcdef`,
        stateDir: join(dir, name),
        args,
      });
      await agent.start();
      agents[name] = agent;
      return agent;
    },
    /** A fleet change through lb1: the body, or the details of a refusal (which keeps the error shape). */
    async fleetChange(body, query = '') {
      const answer = await call(agents.lb1, `/api/v1/fleet/changes${query}`, { method: 'POST', json: body });
      const refusal = answer.body.error?.code === 'FLEET_CHANGE_REFUSED' ? answer.body.error : null;
      return { ...answer, body: refusal ? refusal.details : answer.body, error: refusal };
    },
  };
}

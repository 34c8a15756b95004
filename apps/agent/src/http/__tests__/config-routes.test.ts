import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppError,
  restorePlanSchema,
  restoreSummarySchema,
  serviceId,
  type ErrorBody,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { SimulatedBackend } from '../../simulated/index.js';
import { startTestAgent, testToken, type TestAgent } from './test-agent.js';

/**
 * The simulated kernel, except that adding one chosen real server is refused, as a kernel might; it
 * notes every table operation it is asked for, in order.
 */
class RefusingBackend extends SimulatedBackend {
  refuseAddress: string | null = null;
  readonly operations: string[] = [];
  override addDestination(
    key: ServiceKey,
    input: Parameters<SimulatedBackend['addDestination']>[1],
  ): Promise<void> {
    this.operations.push(`add-destination ${input.address}`);
    if (input.address === this.refuseAddress)
      return Promise.reject(new AppError('KERNEL_ERROR', 'injected refusal'));
    return super.addDestination(key, input);
  }
  override addService(input: Parameters<SimulatedBackend['addService']>[0]): Promise<void> {
    this.operations.push(`add-service ${serviceId(input)}`);
    return super.addService(input);
  }
  override deleteService(key: ServiceKey): Promise<void> {
    this.operations.push(`delete-service ${serviceId(key)}`);
    return super.deleteService(key);
  }
  override deleteDestination(key: ServiceKey, dest: Parameters<SimulatedBackend['deleteDestination']>[1]) {
    this.operations.push(`delete-destination ${dest.address}`);
    return super.deleteDestination(key, dest);
  }
}

const backend = new RefusingBackend();
let t: TestAgent;
beforeAll(async () => {
  t = await startTestAgent({ backend });
});
afterAll(() => t.agent.close());

function putConfig(text: string, query = '', method = 'PUT', more: Record<string, string> = {}) {
  return fetch(`${t.base}/api/v1/config${query}`, {
    method,
    body: text,
    headers: { authorization: `Bearer ${testToken}`, 'content-type': 'text/plain', ...more },
  });
}

const initial =
  '-A -t 10.0.0.1:80 -s wrr\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 3\n-A -u 10.0.0.2:53 -s rr\n';

describe('config-routes', () => {
  it('applies restore text and saves it back the way ipvsadm -Sn prints it', async () => {
    const applied = await putConfig(initial);
    expect(applied.status).toBe(200);
    const plan = restorePlanSchema.parse(await applied.json());
    expect(plan.added).toHaveLength(3);
    // How long each step took, for the browser's network panel and for scripts.
    expect(applied.headers.get('server-timing')).toMatch(
      /^receive;dur=\d+\.\d, parse;dur=\d+\.\d, queue;dur=\d+\.\d, read;dur=\d+\.\d, plan;dur=\d+\.\d, target;dur=\d+\.\d, journal;dur=\d+\.\d, apply;dur=\d+\.\d, record;dur=\d+\.\d, audit;dur=\d+\.\d, answer;dur=\d+\.\d$/,
    );
    expect(plan.removed).toEqual([]);
    const saved = await (await t.api('/config')).text();
    expect(saved).toContain('-A -t 10.0.0.1:80 -s wrr');
    expect(saved).toContain('-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 3');
    // Round trip: the saved text describes the table exactly, so applying it again changes nothing.
    const again = restorePlanSchema.parse(await (await putConfig(saved)).json());
    expect(again).toEqual({ added: [], changed: [], removed: [], details: [] });
  });

  it('answers only the counts and the change id when the client prefers a minimal answer', async () => {
    const prefer = { prefer: 'respond-async, return=minimal' };
    const text = `${initial}-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 4\n`;
    const dry = await putConfig(text, '?dryRun=1', 'PUT', prefer);
    // A dry run is for reading the plan: it stays whole whatever the client prefers.
    expect(restorePlanSchema.parse(await dry.json()).added).toEqual([
      '-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 4',
    ]);
    expect(dry.headers.get('preference-applied')).toBeNull();
    const applied = await putConfig(text, '', 'PUT', prefer);
    expect(applied.status).toBe(200);
    expect(applied.headers.get('preference-applied')).toBe('return=minimal');
    expect(applied.headers.get('vary')).toMatch(/prefer/i);
    const summary = restoreSummarySchema.strict().parse(await applied.json());
    expect(summary).toEqual({
      added: 1,
      changed: 0,
      removed: 0,
      changeId: applied.headers.get('x-change-id'),
    });
    expect(await (await t.api('/config')).text()).toContain('-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 4');
    await putConfig(initial);
  });

  it('dry-runs a plan of added, changed and removed without touching the table', async () => {
    const before = await (await t.api('/config')).text();
    const next =
      '-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 3\n-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m\n';
    const plan = restorePlanSchema.parse(await (await putConfig(next, '?dryRun=1')).json());
    expect(plan.changed).toEqual(['-E -t 10.0.0.1:80 -s rr']);
    expect(plan.added).toEqual(['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1']);
    expect(plan.removed).toEqual(['-D -u 10.0.0.2:53']);
    expect(await (await t.api('/config')).text()).toBe(before);
  });

  it('rejects bad text naming the line, and changes nothing', async () => {
    const before = await (await t.api('/config')).text();
    const bad = await putConfig('-A -t 10.0.0.9:80 -s rr\n-a -t 10.0.0.9:80 -r 10.0.1.1:99999 -w 1\n');
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as ErrorBody;
    expect(badBody.error.code).toBe('VALIDATION_FAILED');
    expect(badBody.error.message).toMatch(/line 2/);
    const daemon = await putConfig('--start-daemon master --mcast-interface lo\n');
    expect(daemon.status).toBe(400);
    const json = await fetch(`${t.base}/api/v1/config`, {
      method: 'PUT',
      body: '{}',
      headers: { authorization: `Bearer ${testToken}`, 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(await (await t.api('/config')).text()).toBe(before);
  });

  it('rolls back to the saved table when the kernel refuses a step, then reports the refusal', async () => {
    const before = await (await t.api('/config')).text();
    backend.refuseAddress = '10.0.1.9';
    const next = `${before}-A -t 10.0.0.3:443 -s wlc\n-a -t 10.0.0.3:443 -r 10.0.1.8:443 -m\n-a -t 10.0.0.3:443 -r 10.0.1.9:443 -m\n`;
    const refused = await putConfig(next);
    backend.refuseAddress = null;
    expect(refused.status).toBe(502);
    const refusedBody = (await refused.json()) as ErrorBody;
    expect(refusedBody.error.code).toBe('KERNEL_ERROR');
    expect(refusedBody.error.message).toMatch(/rolled back/);
    // The refused step is named with the ipvsadm line that would make it.
    expect(refusedBody.error.message).toContain('-a -t 10.0.0.3:443 -r 10.0.1.9:443 -m -w 1');
    expect(await (await t.api('/config')).text()).toBe(before);
  });

  it('refuses a text that would empty the table unless replace-all is confirmed', async () => {
    const before = await (await t.api('/config')).text();
    for (const text of ['', '   \n\t\n', '# saved by someone\n# nothing else\n']) {
      const refused = await putConfig(text);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as ErrorBody).error.code).toBe('CONFIRMATION_REQUIRED');
      expect(await (await t.api('/config')).text()).toBe(before);
    }
    const emptied = await putConfig('', '?confirm=replace-all');
    expect(emptied.status).toBe(200);
    expect(await (await t.api('/config')).text()).toBe('');
    expect((await putConfig(before)).status).toBe(200);
  });

  it('merges as ipvsadm -R does with POST: adds and edits, removes only what a line removes', async () => {
    const before = await (await t.api('/config')).text();
    const merged = await putConfig(
      '-A -t 10.0.0.7:80 -s rr\n-a -t 10.0.0.7:80 -r 10.0.1.7:80 -m -w 2\n-e -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 9\n',
      '',
      'POST',
    );
    expect(merged.status).toBe(200);
    const plan = restorePlanSchema.parse(await merged.json());
    expect(plan.removed).toEqual([]);
    expect(plan.changeId).toMatch(/\w+/);
    expect(plan.details).toContainEqual({
      action: 'edit',
      service: 'tcp:10.0.0.1:80',
      destination: '10.0.1.1:80',
      fields: [{ field: 'weight', from: '3', to: '9' }],
    });
    const after = await (await t.api('/config')).text();
    expect(after).toContain('-A -u 10.0.0.2:53 -s rr'); // not in the text, still there
    expect(after).toContain('-a -t 10.0.0.7:80 -r 10.0.1.7:80 -m -w 2');
    expect((await putConfig(before)).status).toBe(200);
  });

  it('reports every scheduler this kernel lacks, by line, in the dry run too, and changes nothing', async () => {
    const before = await (await t.api('/config')).text();
    const text = `${before}-A -t 10.0.0.8:80 -s twos\n-A -t 10.0.0.9:80 -s twos\n`;
    for (const query of ['?dryRun=1', '']) {
      const refused = await putConfig(text, query);
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as ErrorBody;
      expect(body.error.code).toBe('SCHEDULER_NOT_FOUND');
      const { problems } = body.error.details as { problems: { line: number; message: string }[] };
      expect(problems.map((p) => p.line)).toEqual([4, 5]);
      expect(problems[0]?.message).toMatch(/"twos" is not available/);
    }
    expect(await (await t.api('/config')).text()).toBe(before);
  });

  it('orders for traffic: adds and edits before it removes, and never deletes a service it keeps', async () => {
    const before = await (await t.api('/config')).text();
    backend.operations.length = 0;
    // Keeps tcp:10.0.0.1:80 (its real server replaced), drops udp:10.0.0.2:53, adds tcp:10.0.0.5:80.
    const next =
      '-A -t 10.0.0.1:80 -s wrr\n-a -t 10.0.0.1:80 -r 10.0.1.4:80 -m -w 3\n-A -t 10.0.0.5:80 -s rr\n';
    expect((await putConfig(next)).status).toBe(200);
    expect(backend.operations.slice(0, 2).sort()).toEqual([
      'add-destination 10.0.1.4',
      'add-service tcp:10.0.0.5:80',
    ]);
    expect(backend.operations.slice(2).sort()).toEqual([
      'delete-destination 10.0.1.1',
      'delete-service udp:10.0.0.2:53',
    ]);
    expect((await putConfig(before)).status).toBe(200);
  });
});

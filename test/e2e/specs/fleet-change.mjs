// "Change several directors" against real agents: lb1 (started with --fleet naming lb2 as its pair, with
// lb2's admin token) and lb2, simulated, on 127.0.0.1, signed into lb1 only. From the pair view (both
// preselected): a weight planned on both, then applied on both with one fleet change id. Then one where lb2
// refuses at apply (its table changed between Plan and Apply): lb1 is rolled back. Then a quiesce through
// the panel: each director's own operator hold, remembering its own weight (6 on lb1, 5 on lb2), and the
// unquiesce that gives each exactly that weight back. An operator token sees the buttons disabled with the
// reason.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentProcess, freePort } from '../lib/agent-process.mjs';
import { check, eventually } from '../lib/expect.mjs';

const SERVICE = 'tcp:10.0.0.10:80';
const SERVER = '10.0.1.2:8080';
const serverPath = `/api/v1/services/${encodeURIComponent(SERVICE)}/destinations/${encodeURIComponent(SERVER)}`;

async function rowOn(agent) {
  const response = await fetch(`${agent.origin}${serverPath}`, {
    headers: { authorization: `Bearer ${agent.token}` },
  });
  return response.ok ? await response.json() : null;
}

const weightOn = async (agent) => (await rowOn(agent))?.weight ?? null;
const holdsOn = async (agent) => ((await rowOn(agent))?.holds ?? []).map((hold) => hold.kind).join(',');

/** Plan, then Apply, of what the panel holds; waits for `outcome`. */
async function planAndApply(panel, outcome) {
  const result = panel.getByTestId('fleet-change-result');
  await panel.getByTestId('fleet-change-plan').click();
  await eventually(async () => (await result.getAttribute('data-outcome')) === 'planned', 'planned');
  await panel.getByTestId('fleet-change-apply').click();
  await eventually(async () => (await result.getAttribute('data-outcome')) === outcome, outcome);
}

export async function fleetChangeFromThePairView({ page, agent, repo }) {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-fleet-change-'));
  const lb2 = new AgentProcess({
    port: await freePort(),
    token: 'e2e-fleet-change-lb2-token-0123',
    stateDir: join(dir, 'lb2'),
  });
  let lb1 = null;
  try {
    await lb2.start();
    await writeFile(
      join(dir, 'fleet.json'),
      JSON.stringify({
        self: { name: 'lb1', pair: 'edge' },
        directors: [{ name: 'lb2', url: lb2.origin, token: lb2.token, pair: 'edge' }],
      }),
    );
    lb1 = new AgentProcess({
      port: await freePort(),
      token: 'e2e-fleet-change-lb1-token-0123',
      stateDir: join(dir, 'lb1'),
      args: ['--fleet', join(dir, 'fleet.json')],
    });
    await lb1.start();

    await page.goto(lb1.loginUrl);
    await page.goto(`${lb1.origin}/#/fleet/pair/edge`);
    const panel = page.getByTestId('fleet-change');
    await panel.waitFor();
    check(await panel.getByTestId('fleet-change-pick-lb1').isChecked(), 'lb1 is preselected');
    check(await panel.getByTestId('fleet-change-pick-lb2').isChecked(), 'lb2 is preselected');
    await panel.getByTestId('fleet-change-service').selectOption(SERVICE);
    await panel.getByTestId('fleet-change-server').selectOption(SERVER);
    await panel.getByTestId('fleet-change-weight').fill('6');
    await eventually(
      async () =>
        /-e -t 10\.0\.0\.10:80 -r 10\.0\.1\.2:8080 .*-w 6/.test(
          await panel.getByTestId('fleet-change-text').textContent(),
        ),
      'the lines to send are shown',
    );
    check(await panel.getByTestId('fleet-change-apply').isDisabled(), 'Apply waits for a plan');
    await panel.getByTestId('fleet-change-plan').click();
    const result = panel.getByTestId('fleet-change-result');
    await eventually(
      async () => (await result.getAttribute('data-outcome')) === 'planned',
      'planned on both',
    );
    for (const name of ['lb1', 'lb2']) {
      check(
        (await result.getByTestId(`fleet-change-${name}`).getAttribute('data-state')) === 'planned',
        `${name} planned`,
      );
    }
    check((await weightOn(lb1)) === 2 && (await weightOn(lb2)) === 2, 'a plan changes nothing');

    await panel.getByTestId('fleet-change-apply').click();
    await eventually(
      async () => (await result.getAttribute('data-outcome')) === 'applied',
      'applied on both',
    );
    const idText = (await result.getByTestId('fleet-change-id').textContent()) ?? '';
    const id = /fleet-\S+/.exec(idText)?.[0];
    check(id, `the fleet change id is shown: ${idText}`);
    check((await weightOn(lb1)) === 6 && (await weightOn(lb2)) === 6, 'both directors have weight 6');
    for (const director of [lb1, lb2]) {
      const page = await (
        await fetch(`${director.origin}/api/v1/changes?fleetChange=${id}`, {
          headers: { authorization: `Bearer ${director.token}` },
        })
      ).json();
      check(page.items.length === 1 && page.items[0].fleetChange === id, `its audit log names ${id}`);
    }

    await panel.getByTestId('fleet-change-weight').fill('4');
    await panel.getByTestId('fleet-change-plan').click();
    await eventually(
      async () =>
        (await result.getAttribute('data-outcome')) === 'planned' &&
        /-w 4/.test((await result.textContent()) ?? ''),
      'planned again',
    );
    // Someone changes lb2 after the plan: Apply sends the tables the plan saw (If-Match), so lb2 refuses.
    const other = `/api/v1/services/${encodeURIComponent(SERVICE)}/destinations/${encodeURIComponent('10.0.1.1:8080')}`;
    const moved = await fetch(`${lb2.origin}${other}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${lb2.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ weight: 9 }),
    });
    check(moved.ok, `PATCH on lb2: ${moved.status}`);
    await panel.getByTestId('fleet-change-apply').click();
    await eventually(
      async () => (await result.getAttribute('data-outcome')) === 'rolled-back',
      'rolled back',
    );
    check(
      (await result.getByTestId('fleet-change-lb1').getAttribute('data-state')) === 'rolled-back',
      'lb1 rolled back',
    );
    const lb2Row = result.getByTestId('fleet-change-lb2');
    check((await lb2Row.getAttribute('data-state')) === 'refused', 'lb2 refused');
    check(/changed since/.test((await lb2Row.textContent()) ?? ''), 'lb2 says why');
    check((await weightOn(lb1)) === 6, 'lb1 is back at weight 6');

    // A quiesce through the panel: each director's own quiesce, so each keeps its own weight (lb2 has 5).
    const lb2Weight = await fetch(`${lb2.origin}${serverPath}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${lb2.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ weight: 5 }),
    });
    check(lb2Weight.ok, `PATCH on lb2: ${lb2Weight.status}`);
    await panel.getByTestId('fleet-change-kind').selectOption('quiesce');
    await eventually(
      async () =>
        /quiesce 10\.0\.1\.2:8080 in tcp:10\.0\.0\.10:80/.test(
          (await panel.getByTestId('fleet-change-hold').textContent()) ?? '',
        ),
      'the quiesce to send is shown',
    );
    await planAndApply(panel, 'applied');
    check((await weightOn(lb1)) === 0 && (await weightOn(lb2)) === 0, 'both directors have weight 0');
    check(
      (await holdsOn(lb1)) === 'operator' && (await holdsOn(lb2)) === 'operator',
      'each director holds it out under an operator hold',
    );
    await panel.getByTestId('fleet-change-kind').selectOption('unquiesce');
    check((await panel.getByTestId('fleet-change-weight').count()) === 0, 'an unquiesce asks no weight');
    await planAndApply(panel, 'applied');
    check((await weightOn(lb1)) === 6, 'lb1 has its weight 6 back');
    check((await weightOn(lb2)) === 5, 'lb2 has its weight 5 back');
    check((await holdsOn(lb1)) === '' && (await holdsOn(lb2)) === '', 'and no hold is left');

    // An operator may not make fleet changes: the buttons say why.
    const out = execFileSync(
      process.execPath,
      [
        join(repo, 'apps/agent/dist/main.js'),
        'token',
        'add',
        'oncall',
        '--role',
        'operator',
        '--state-dir',
        lb1.stateDir,
      ],
      { encoding: 'utf8' },
    );
    const operator = /^\s{4}(\S+)$/m.exec(out)?.[1];
    check(operator, `token add printed a token: ${out}`);
    await eventually(async () => {
      const response = await fetch(`${lb1.origin}/api/v1/session`, {
        headers: { authorization: `Bearer ${operator}` },
      });
      return response.ok;
    }, 'lb1 knows the operator token');
    await page.goto(`${lb1.origin}/?token=${encodeURIComponent(operator)}`);
    await page.goto(`${lb1.origin}/#/fleet`);
    const plan = page.getByTestId('fleet-change').getByTestId('fleet-change-plan');
    await plan.waitFor();
    check(await plan.isDisabled(), 'Plan is disabled for an operator');
    const why = (await plan.getAttribute('title')) ?? '';
    check(/admin/.test(why), `and says why: ${why}`);
  } finally {
    await lb1?.stop();
    await lb2.stop();
    await rm(dir, { recursive: true, force: true });
    // Later specs use the suite's own agent.
    await page.goto(agent.loginUrl);
  }
}

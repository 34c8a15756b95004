// The Fleet page against real agents: two more simulated agents on 127.0.0.1 (lb1 started with --fleet
// naming lb2 as its pair and a director at a closed port), signed into lb1 only. The page shows each
// director with its totals or why it cannot be read; the pair view lists a weight changed on lb2 alone.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentProcess, freePort } from '../lib/agent-process.mjs';
import { check, eventually } from '../lib/expect.mjs';

export async function fleetPageAndPairDiff({ page, agent }) {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-fleet-'));
  const lb2 = new AgentProcess({
    port: await freePort(),
    token: 'e2e-fleet-lb2-token-0123456789',
    stateDir: join(dir, 'lb2'),
  });
  let lb1 = null;
  try {
    await lb2.start();
    const closedPort = await freePort();
    await writeFile(
      join(dir, 'fleet.json'),
      JSON.stringify({
        self: { name: 'lb1', pair: 'edge', site: 'seoul' },
        directors: [
          { name: 'lb2', url: lb2.origin, token: lb2.token, pair: 'edge', site: 'seoul' },
          {
            name: 'lb9',
            url: `http://127.0.0.1:${closedPort}`,
            token: 'no-agent-listens-here-0000',
            site: 'busan',
          },
        ],
      }),
    );
    lb1 = new AgentProcess({
      port: await freePort(),
      token: 'e2e-fleet-lb1-token-0123456789',
      stateDir: join(dir, 'lb1'),
      args: ['--fleet', join(dir, 'fleet.json')],
    });
    await lb1.start();
    // lb2's weight of 10.0.1.2:8080 differs from lb1's (2): the pair view must show it.
    const patched = await fetch(
      `${lb2.origin}/api/v1/services/tcp%3A10.0.0.10%3A80/destinations/10.0.1.2%3A8080`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${lb2.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ weight: 7 }),
      },
    );
    check(patched.ok, `PATCH on lb2 answered ${patched.status}`);

    await page.goto(lb1.loginUrl);
    await page.getByRole('link', { name: 'Fleet', exact: true }).click();
    await page.getByRole('heading', { name: 'Fleet', exact: true }).waitFor();
    const card = (name) => page.getByTestId(`director-${name}`);
    await eventually(
      async () => (await card('lb2').getByTestId('reachability').textContent()) === 'Reachable',
      'lb2 is reachable',
    );
    const lb2Services = await (
      await fetch(`${lb2.origin}/api/v1/services`, { headers: { authorization: `Bearer ${lb2.token}` } })
    ).json();
    check(
      (await card('lb2').getByTestId('services').textContent()) === String(lb2Services.length),
      "lb2's card counts its services",
    );
    check(
      (await card('lb9').getByTestId('reachability').textContent()) === 'Unreachable',
      'lb9 is unreachable',
    );
    const why = (await card('lb9').getByTestId('director-error').textContent()) ?? '';
    check(/connection refused at http:\/\/127\.0\.0\.1:\d+/.test(why), `lb9 says why: ${why}`);
    await page.getByRole('heading', { name: 'Site busan' }).waitFor();

    await page.getByTestId('compare-edge').click();
    await page.getByRole('heading', { name: 'Pair edge: lb1 and lb2' }).waitFor();
    await page.getByTestId('sync-daemons-lb2').getByText('Sync daemons on lb2: none running').waitFor();
    const row = page
      .getByTestId('pair-diff')
      .getByRole('row')
      .filter({ hasText: 'tcp:10.0.0.10:80 → 10.0.1.2:8080' })
      .filter({ hasText: 'weight' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    check(cells[2] === '2' && cells[3] === '7', `the weight differs 2 / 7: ${cells.join(' | ')}`);
    check(
      (await row.getByRole('cell').nth(3).getAttribute('class'))?.includes('differs'),
      'and is highlighted',
    );
  } finally {
    await lb1?.stop();
    await lb2.stop();
    await rm(dir, { recursive: true, force: true });
    // Later specs use the suite's own agent.
    await page.goto(agent.loginUrl);
  }
}

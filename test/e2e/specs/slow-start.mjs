// Slow start and the sorry server on the simulated backend: set in the service page's form, a quiesced real
// server's return ramps on its card (the chip and the planned staircase) up to its exact weight, with one
// record for the ramp; the sorry server appears, marked, while every real server is out. The weight chart
// draws the ramp as it happens, and after a reload from the agent's history.
/* global window -- used inside page.evaluate, which runs in the browser */
import { check, eventually } from '../lib/expect.mjs';

const SID = 'tcp:10.10.0.7:80';
const path = `/services/${encodeURIComponent(SID)}`;
const servers = ['10.20.7.1:80', '10.20.7.2:80'];

const realServer = (address, weight) => ({
  address,
  port: 80,
  forwarding: 'masq',
  weight,
  upperThreshold: 0,
  lowerThreshold: 0,
  tunnelType: 'ipip',
  tunnelPort: 0,
  tunnelChecksum: 'nocsum',
});

export async function slowStartRamp({ page, api }) {
  await api.post('/services', {
    protocol: 'tcp',
    address: '10.10.0.7',
    port: 80,
    scheduler: 'wrr',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
  });
  await api.post(`${path}/destinations`, realServer('10.20.7.1', 8));
  await api.post(`${path}/destinations`, realServer('10.20.7.2', 4));
  await page.evaluate((hash) => (window.location.hash = hash), `#${path}`);
  const form = page.getByTestId('policy-form');
  await form.waitFor();
  await form.getByLabel('Slow start (seconds)').fill('6');
  await form.getByLabel('Sorry server address').fill('10.20.7.99');
  await form.getByRole('combobox').selectOption('masq');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Saved').waitFor();
  const policy = await api.get(`${path}/policy`);
  check(
    policy.slowStartSeconds === 6 && policy.sorryServer?.address === '10.20.7.99',
    `the agent has the policy: ${JSON.stringify(policy)}`,
  );

  // Every real server out: the sorry server stands in, marked on its card.
  for (const server of servers) await api.post(`${path}/destinations/${encodeURIComponent(server)}/quiesce`);
  const sorryCard = page.getByTestId('server-10.20.7.99:80');
  await sorryCard.getByTestId('sorry-server').waitFor();

  // The 1 min window: its charts redraw every second (the longer ones every 3 s), so each step shows.
  await page.getByRole('group', { name: 'Time window' }).getByRole('button', { name: '1 min' }).click();
  const weightLine = page.getByTestId('weight-chart').locator(`path[data-line="${servers[0]}"]`);
  await eventually(
    async () => (await weightLine.getAttribute('data-last')) === '0',
    'the weight chart shows the quiesced server at 0',
    15_000,
  );
  const charted = [];
  const watchChart = (async () => {
    for (let i = 0; i < 200 && charted.at(-1) !== '8'; i++) {
      const last = await weightLine.getAttribute('data-last').catch(() => null);
      if (last !== null && last !== charted.at(-1)) charted.push(last);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  // The first one back ramps: the card shows the ramp while the weight rises in steps to exactly 8.
  await api.post(`${path}/destinations/${encodeURIComponent(servers[0])}/unquiesce`);
  const card = page.getByTestId(`server-${servers[0]}`);
  const ramp = card.getByTestId('ramp');
  await ramp.waitFor();
  check(
    (await ramp.textContent())?.includes('→ 8'),
    `the ramp names its target: ${await ramp.textContent()}`,
  );
  await sorryCard.waitFor({ state: 'detached' });
  const seen = new Set();
  await eventually(
    async () => {
      const text = (await card.getByTestId('weight').textContent()) ?? '';
      seen.add(text);
      return text === 'weight 8' && (await card.getByTestId('ramp').count()) === 0;
    },
    'the card reaches weight 8 and the ramp ends',
    15_000,
    100,
  );
  check(seen.size >= 3, `the card showed the weight rising in steps: ${[...seen].join(', ')}`);
  const changes = (await api.get(`/changes?service=${encodeURIComponent(SID)}&limit=3`)).items;
  const unquiesce = changes.filter((c) => c.action === 'unquiesce');
  check(unquiesce.length === 1, `one record for the ramp: ${changes.map((c) => c.action).join(', ')}`);
  check(unquiesce[0].commands.at(-1)?.endsWith('-w 8'), `the ramp ends at -w 8: ${unquiesce[0].commands}`);

  // The weight chart followed the ramp: its line for the server rose through weights between 0 and 8, each
  // above the one before, and ended at exactly 8.
  await watchChart;
  const rising = charted.map(Number);
  check(
    rising.at(-1) === 8 && rising.every((weight, i) => i === 0 || weight > rising[i - 1]),
    `the chart's line rose to exactly 8: ${charted.join(' → ')}`,
  );
  check(
    rising.filter((weight) => weight > 0 && weight < 8).length >= 2,
    `the chart showed the ramp's steps on the way: ${charted.join(' → ')}`,
  );
  const liveSteps = Number(await weightLine.getAttribute('data-steps'));

  // After a reload the page starts from the agent's history: the staircase is still there, 8 → 0 → ... → 8.
  await page.reload();
  const reloaded = page.getByTestId('weight-chart').locator(`path[data-line="${servers[0]}"]`);
  const steps = await eventually(
    async () => {
      if ((await reloaded.getAttribute('data-last')) !== '8') return false;
      const count = Number(await reloaded.getAttribute('data-steps'));
      return count >= 5 ? count : false;
    },
    'after a reload the weight chart draws the ramp from history: 8, 0, at least 2 steps up, 8',
    30_000,
  );
  const text = (await page.getByTestId('weight-chart').textContent()) ?? '';
  check(
    text.includes(`${servers[0]} 8`) && text.includes(`${servers[1]} 0`),
    `the chart's text alternative names each server's weight now: ${text}`,
  );
  console.log(
    `    weight chart: live ${charted.join(' → ')} (${liveSteps} steps); after reload ${steps} steps`,
  );
}

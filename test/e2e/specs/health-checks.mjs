// Health checks set from the service page (issue 12): the form adds a TCP check, every card's dot turns
// up; a simulated server that starts failing (PUT /simulation/...: the simulated backend never sends a
// packet) is held out by its check at weight 0, its card says "held by: health", and it comes back at its
// exact weight once it passes; removing the check from the form turns the dots off.
import { check, eventually } from '../lib/expect.mjs';
import { SERVERS, SID } from './service-setup.mjs';

const failingPath = (server) =>
  `/simulation/services/${encodeURIComponent(SID)}/destinations/${encodeURIComponent(server)}/failing`;

const healthOf = (page, server) => page.getByTestId(`server-${server}`).getByTestId('health');

export async function healthChecksFromTheForm({ page, api }) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByRole('link', { name: '10.10.0.1:80' }).click();
  const form = page.getByTestId('check-form');
  await form.getByText('No health check').waitFor();
  await form.getByLabel('Kind').selectOption('tcp');
  await form.getByLabel('Every (seconds)').fill('0.5');
  await form.getByLabel('Timeout (seconds)').fill('0.25');
  await form.getByLabel('Rise').fill('1');
  await form.getByLabel('Fall').fill('1');
  await form.getByRole('button', { name: 'Add check' }).click();
  await eventually(
    async () => {
      for (const server of SERVERS)
        if ((await healthOf(page, server).getAttribute('data-state')) !== 'up') return false;
      return true;
    },
    'every card says its check is up',
    15_000,
  );
  check(
    (await api.get(`/services/${encodeURIComponent(SID)}/check`)).intervalSeconds === 0.5,
    'the agent has the check',
  );

  const server = SERVERS[1];
  const weight = (await api.destination(SID, server)).weight;
  check(weight > 0, `${server} is in rotation before it fails (weight ${weight})`);
  await api.put(failingPath(server), { failing: true });
  await eventually(
    async () => (await healthOf(page, server).getAttribute('data-state')) === 'down',
    'its dot turns down',
    15_000,
  );
  await eventually(
    async () => (await api.destination(SID, server)).weight === 0,
    'the check takes it out (weight 0)',
  );
  const heldBy = await page.getByTestId(`server-${server}`).getByTestId('held-by').textContent();
  check(/held by: health/.test(heldBy ?? ''), `the card says why: "${heldBy}"`);

  await api.put(failingPath(server), { failing: false });
  await eventually(
    async () => (await api.destination(SID, server)).weight === weight,
    `it comes back at weight ${weight}`,
    15_000,
  );
  await eventually(
    async () => (await healthOf(page, server).getAttribute('data-state')) === 'up',
    'its dot is up again',
  );

  page.once('dialog', (dialog) => void dialog.accept());
  await form.getByRole('button', { name: 'Remove check' }).click();
  await form.getByText('No health check').waitFor();
  await eventually(
    async () => (await healthOf(page, SERVERS[0]).getAttribute('data-state')) === 'disabled',
    'the dots say there is no check',
  );
}

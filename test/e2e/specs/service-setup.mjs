// Creating a service and its real servers through the UI, checked through the API.
import { check, eventually } from '../lib/expect.mjs';

export const SID = 'tcp:10.10.0.1:80';
export const SERVERS = ['10.20.0.1:80', '10.20.0.2:80', '10.20.0.3:80'];

export async function createService({ page, api }) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByRole('button', { name: 'Add service' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'New virtual service' }) });
  await form.getByLabel('Virtual IP').fill('10.10.0.1');
  await form.getByLabel('Port').fill('80');
  await form.getByLabel('Scheduler').selectOption('wrr');
  await eventually(
    async () => (await form.locator('.command').textContent())?.includes('ipvsadm -A -t 10.10.0.1:80 -s wrr'),
    'the equivalent ipvsadm command is shown before creating',
  );
  await form.getByRole('button', { name: 'Create service' }).click();
  await page.getByRole('heading', { name: 'TCP 10.10.0.1:80' }).waitFor();
  const service = await api.service(SID);
  check(
    service.scheduler === 'wrr',
    `the agent has the service with scheduler wrr, got ${service.scheduler}`,
  );
}

export async function addRealServers({ page, api }) {
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add real server' }) });
  for (const server of SERVERS) {
    const [address] = server.split(':');
    await form.getByLabel('Real server IP').fill(address);
    await form.getByLabel('Weight').fill('2');
    await form.getByRole('button', { name: 'Add server' }).click();
    await page.getByTestId('lane-active').getByTestId(`server-${server}`).waitFor();
  }
  const service = await api.service(SID);
  check(
    service.destinations.length === 3,
    `three real servers through the API, got ${service.destinations.length}`,
  );
  check(
    service.destinations.every((d) => d.weight === 2),
    'every real server has weight 2',
  );
}

export async function chartsShowData({ page, api }) {
  // Simulated traffic: connections arrive, the agent samples every second, the charts fill.
  await eventually(
    async () => (await api.service(SID)).stats.conns > 0,
    'the simulated service receives connections',
    15_000,
  );
  await eventually(
    async () => Number(await page.getByTestId('rate-charts').getAttribute('data-points')) >= 3,
    'the live charts hold at least three points',
    15_000,
  );
  // A line needs two points: the server added last joins the charts a sample or two after the total.
  let drawn = 0;
  await eventually(
    async () => {
      drawn = await page
        .locator('[data-testid="rate-charts"] figure:not([data-testid="weight-chart"]) path.chart-line')
        .count();
      return drawn >= 4 * 6;
    },
    'each of the six charts draws the total and three servers',
    15_000,
  ).catch(() => undefined);
  check(drawn >= 4 * 6, `each of the six charts draws the total and three servers, got ${drawn} lines`);
  // The weight chart: a step line per server (weights have no total).
  await eventually(
    async () => (await page.locator('[data-testid="weight-chart"] path.chart-line').count()) === 3,
    'the weight chart draws the three servers',
    15_000,
  );
  await eventually(
    async () =>
      (await page.getByRole('link', { name: 'Overview', exact: true }).isVisible()) &&
      (await page.getByTestId('live-status').getAttribute('data-state')) === 'connected',
    'the live indicator says connected',
  );
}

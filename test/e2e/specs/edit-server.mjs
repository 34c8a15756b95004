// Thresholds through the editor (the upper one drawn on the connections chart, active + inactive), and bad
// input answered next to the field, changing nothing.
import { check, eventually } from '../lib/expect.mjs';
import { SERVERS, SID } from './service-setup.mjs';

function editor(page, server) {
  return page.getByTestId(`server-${server}`);
}

async function openEditor(page, server) {
  const card = editor(page, server);
  if (
    !(await card
      .getByTestId('server-editor')
      .getAttribute('open')
      .then((v) => v !== null))
  ) {
    await card.getByText('Weight, thresholds and forwarding').click();
  }
  return card;
}

export async function editThresholds({ page, api }) {
  const server = SERVERS[1];
  const card = await openEditor(page, server);
  await card.getByLabel('Upper threshold (0 = none)').fill('50');
  await card.getByLabel('Lower threshold').fill('10');
  await eventually(
    async () => (await card.locator('.command').textContent())?.includes('-x 50 -y 10'),
    'the command shows -x 50 -y 10',
  );
  await card.getByRole('button', { name: 'Apply' }).click();
  await eventually(async () => {
    const d = await api.destination(SID, server);
    return d.upperThreshold === 50 && d.lowerThreshold === 10;
  }, 'the API shows thresholds 50/10');
  // Drawn as a line where the data reaches near it; above the data's scale, named at the chart's top edge
  // instead, and then the axis must not have been stretched up to it.
  const charts = page.getByTestId('rate-charts');
  const shown = await eventually(async () => {
    if (
      (await charts.locator('svg text').allTextContents()).some((text) => text.includes(`${server} max 50`))
    )
      return 'line';
    const marks = await charts.getByTestId('off-scale-thresholds').allTextContents();
    return marks.some((text) => text.includes(`${server} max 50, above this scale`)) ? 'edge' : null;
  }, 'the upper threshold is shown on the connections chart');
  if (shown === 'edge') {
    const ticks = await charts.locator('figure').first().locator('.recharts-yAxis text').allTextContents();
    const top = Math.max(...ticks.map(Number).filter(Number.isFinite));
    check(top < 50, `the axis follows the data, not the threshold: top tick ${top}`);
  }
}

export async function badInputShowsAgentError({ page, api }) {
  const server = SERVERS[1];
  const card = await openEditor(page, server);
  // Above the kernel's INT_MAX: refused next to the field before anything is sent, in words, no command.
  await card.getByLabel('Weight', { exact: true }).fill('2147483648');
  check((await card.locator('.command').count()) === 0, 'no equivalent command for a weight out of range');
  await card.getByRole('button', { name: 'Apply' }).click();
  const alert = card.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  check(text === 'Enter a whole number from 0 to 2147483647.', `the weight's problem is said: "${text}"`);
  check(
    (await card.getByLabel('Weight', { exact: true }).getAttribute('aria-invalid')) === 'true',
    'the field is marked invalid',
  );
  check((await api.destination(SID, server)).weight === 2, 'the weight is unchanged on the agent');
  await card.getByRole('button', { name: 'Reset' }).click();
}

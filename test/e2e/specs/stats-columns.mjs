// The columns chooser: the operator adds ipvsadm's --stats counters to the overview, sees the numbers the
// agent reports (read through its API in the same moment), and finds the choice kept after a reload; the
// service's real-server cards show the same counters.
import { check, eventually } from '../lib/expect.mjs';
import { SERVERS, SID } from './service-setup.mjs';

const picked = [
  { label: 'Connections total', column: 'conns', field: 'conns', ipvsadm: 'Conns' },
  { label: 'Packets in', column: 'inPackets', field: 'inPackets', ipvsadm: 'InPkts' },
  // Not Bytes out: with direct routing (-g) the replies bypass the director, so it stays 0.
  { label: 'Bytes in', column: 'inBytes', field: 'inBytes', ipvsadm: 'InBytes' },
];

const scale = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** "4.56 M" -> 4560000: the cell's visible, scaled number. */
function scaledValue(text) {
  const match = /^([\d.]+)\s*([kMGT]?)$/.exec(text.trim());
  return match ? Number(match[1]) * scale[match[2]] : NaN;
}

/**
 * The counters only grow while the simulated traffic runs, so a number the page shows is one the agent
 * reported if it lies between an API read before it appeared and one after.
 */
async function showsAgentValue(cell, readApi, what) {
  const before = await readApi();
  // Title and text read together: the next sample may change both between two reads.
  const { shown, text } = await eventually(async () => {
    const [title, text] = await cell.evaluate((element) => [element.title, element.textContent]);
    const exact = Number(title.replaceAll(',', ''));
    return exact >= before ? { shown: exact, text } : null;
  }, `${what}: the page catches up with the agent's ${before}`);
  check(shown > 0, `${what}: the simulated traffic has moved the counter`);
  const after = await readApi();
  check(shown <= after, `${what}: the page shows ${shown}, between the agent's ${before} and ${after}`);
  const visible = scaledValue(text);
  check(
    Math.abs(visible - shown) <= Math.max(0.01 * shown, 1),
    `${what}: the visible "${text}" is the exact ${shown}, scaled`,
  );
}

async function chooseColumns(page) {
  const table = page.locator('section', { has: page.getByRole('heading', { name: /^Services/ }) });
  await table.locator('summary', { hasText: 'Columns' }).click();
  for (const { label } of picked) await table.getByLabel(label).check();
  await table.getByLabel('Inactive').uncheck();
  return table;
}

export async function statsColumnsKeptAfterReload({ page, api }) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await chooseColumns(page);
  const row = page.locator('table.data tbody tr', { has: page.getByRole('link', { name: '10.10.0.1:80' }) });
  for (const { label, column, field, ipvsadm } of picked) {
    const header = page.getByRole('columnheader', { name: label });
    const title = await header.getAttribute('title');
    check(title?.endsWith(`--stats: ${ipvsadm}`), `"${label}" says which ipvsadm column it is: ${title}`);
    await showsAgentValue(
      row.locator(`td[data-column="${column}"]`),
      async () => (await api.service(SID)).stats[field],
      `overview ${label}`,
    );
  }

  await page.reload();
  await row.waitFor();
  const headers = await page.getByRole('columnheader').allTextContents();
  check(
    picked.every(({ label }) => headers.some((text) => text.startsWith(label))) &&
      !headers.some((text) => text.startsWith('Inactive')),
    `after a reload the chosen columns are still shown and Inactive still hidden: ${headers.join(' | ')}`,
  );

  await page.getByRole('link', { name: '10.10.0.1:80' }).click();
  const [server] = SERVERS;
  const card = page.getByTestId(`server-${server}`);
  await showsAgentValue(
    card.locator('[data-column="conns"] dd'),
    async () => (await api.destination(SID, server)).stats.conns,
    `real server ${server} Connections total`,
  );

  // Later specs (screenshots, phone width) expect the default view.
  await page.evaluate(() => localStorage.removeItem('ipvs-dashboard.columns'));
}

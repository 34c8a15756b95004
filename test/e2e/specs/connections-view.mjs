// The Connections screen: a search for one client finds it, a column header sorts, and a reload keeps the
// search, the sort and its order (they live in the URL).
import { check, eventually } from '../lib/expect.mjs';

/** Some live connection of the simulated traffic (not a persistence template). */
async function someConnection(api) {
  return eventually(async () => {
    const { items } = await api.get('/connections?templates=hide&limit=1000');
    return items.find((c) => !c.clientAddress.includes(':'));
  }, 'the simulated traffic has made a connection');
}

const clientCells = (page) => page.locator('table.data tbody tr td:nth-child(2)').allTextContents();

export async function connectionsSearchSortReload({ page, api }) {
  const target = await someConnection(api);
  const endpoint = `${target.clientAddress}:${target.clientPort}`;
  await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
  await page.getByLabel('Search addresses').fill(endpoint);
  await eventually(
    async () => page.url().includes(`search=${encodeURIComponent(endpoint)}`),
    'the search is written into the URL once typing pauses',
  );
  await eventually(async () => {
    const cells = await clientCells(page);
    return cells.length > 0 && cells.every((cell) => cell === endpoint) ? cells : null;
  }, `only ${endpoint} is listed`);

  await page.getByLabel('Search addresses').fill('');
  await page.getByRole('button', { name: 'Client' }).click();
  await page.getByRole('button', { name: /Client/ }).click();
  await eventually(async () => page.url().endsWith('?sort=client&order=desc'), 'the sort is in the URL');
  await page.reload();
  const header = page.getByRole('columnheader', { name: /Client/ });
  await eventually(
    async () => (await header.getAttribute('aria-sort')) === 'descending',
    'after a reload the list is still sorted by client, descending',
  );
  const order = await eventually(async () => {
    const cells = await clientCells(page);
    return cells.length > 1 ? cells : null;
  }, 'connections are listed after the reload');
  const key = (text) =>
    text
      .replace(/:\d+$/, '')
      .split('.')
      .map((part) => part.padStart(3, '0'))
      .join('.');
  const v4 = order.filter((text) => !text.startsWith('['));
  check(
    v4.every((text, i) => i === 0 || key(v4[i - 1]) >= key(text)),
    `clients are in descending order: ${v4.slice(0, 5).join(', ')} ...`,
  );
}

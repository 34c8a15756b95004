// Screenshots of every screen, light and dark, for the README (docs/screenshots). Each is taken only once
// its screen shows what a user comes for (the service's row, its charts with data and its real servers,
// the connection table, the change log, the kernel settings), in the theme asked for; light and dark must differ.
import { mkdirSync } from 'node:fs';
/* global window, document -- used inside page.evaluate, which runs in the browser */
import { join } from 'node:path';
import { check, eventually, sleep } from '../lib/expect.mjs';
import { SERVERS, SID } from './service-setup.mjs';

const screens = [
  {
    name: 'overview',
    hash: '#/',
    heading: 'Virtual services',
    ready: (page) => page.locator('main').getByText('10.10.0.1:80').first().waitFor(),
  },
  {
    name: 'service',
    hash: `#/services/${encodeURIComponent(SID)}`,
    heading: 'TCP 10.10.0.1:80',
    ready: async (page) => {
      for (const server of SERVERS) await page.getByTestId(`server-${server}`).waitFor();
      await eventually(
        async () => Number(await page.getByTestId('rate-charts').getAttribute('data-points')) >= 3,
        'the charts hold data',
      );
    },
  },
  {
    name: 'connections',
    hash: '#/connections',
    heading: 'Connections',
    ready: (page) =>
      eventually(
        async () => (await page.locator('main table tbody tr').count()) > 0,
        'the connection table lists the simulated connections',
      ),
  },
  {
    name: 'activity',
    hash: '#/activity',
    heading: 'Activity',
    ready: (page) => page.getByTestId('change-entry').first().waitFor(),
  },
  {
    name: 'settings',
    hash: '#/settings',
    heading: 'Settings',
    ready: (page) => page.locator('main').getByText('expire_quiescent_template').first().waitFor(),
  },
];

async function setTheme(page, theme) {
  const toggle = page.getByTestId('theme-toggle');
  const current = await page.evaluate(() => document.documentElement.dataset.theme);
  if (current !== theme) await toggle.click();
  await eventually(
    async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === theme,
    `the page switches to the ${theme} theme`,
  );
}

/** A PNG of a real page: the signature, and width and height from its IHDR chunk. */
function checkPng(image, what) {
  const signature = image.subarray(0, 8).toString('hex');
  check(signature === '89504e470d0a1a0a', `${what} is a PNG`);
  const width = image.readUInt32BE(16);
  const height = image.readUInt32BE(20);
  check(width >= 800 && height >= 400, `${what} is ${width} x ${height}, expected a full page`);
}

export async function takeScreenshots({ page, screenshotDir: dir, browserErrors }) {
  mkdirSync(dir, { recursive: true });
  const images = new Map();
  for (const theme of ['light', 'dark']) {
    await setTheme(page, theme);
    for (const screen of screens) {
      await page.evaluate((hash) => (window.location.hash = hash), screen.hash);
      await page.locator('main h1').filter({ hasText: screen.heading }).first().waitFor();
      await screen.ready(page);
      await page.mouse.move(0, 0);
      await sleep(screen.name === 'service' ? 2500 : 1200);
      const image = await page.screenshot({
        path: join(dir, `${screen.name}-${theme}.png`),
        // Overview and Activity grow with the table and the log: their first screen is what a reader needs.
        fullPage: screen.name !== 'overview' && screen.name !== 'activity',
      });
      checkPng(image, `${screen.name}-${theme}.png`);
      images.set(`${screen.name}-${theme}`, image);
    }
  }
  for (const screen of screens) {
    const light = images.get(`${screen.name}-light`);
    check(!light.equals(images.get(`${screen.name}-dark`)), `${screen.name}: light and dark differ`);
  }
  await setTheme(page, 'light');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await page.evaluate((hash) => (window.location.hash = hash), `#/services/${encodeURIComponent(SID)}`);
  await page.getByRole('link', { name: '개요', exact: true }).waitFor();
  await sleep(2000);
  checkPng(await page.screenshot({ path: join(dir, 'service-ko-light.png'), fullPage: true }), 'Korean');
  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'EN' }).click();
  check(browserErrors.length === 0, `no errors in the page: ${browserErrors.join('; ')}`);
}

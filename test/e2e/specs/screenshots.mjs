// Screenshots of every screen, light and dark, for the README (docs/screenshots).
import { mkdirSync } from 'node:fs';
/* global window, document -- used inside page.evaluate, which runs in the browser */
import { join } from 'node:path';
import { sleep } from '../lib/expect.mjs';
import { SID } from './service-setup.mjs';

const screens = [
  { name: 'overview', hash: '#/' },
  { name: 'service', hash: `#/services/${encodeURIComponent(SID)}` },
  { name: 'connections', hash: '#/connections' },
  { name: 'settings', hash: '#/settings' },
];

async function setTheme(page, theme) {
  const toggle = page.getByTestId('theme-toggle');
  const current = await page.evaluate(() => document.documentElement.dataset.theme);
  if (current !== theme) await toggle.click();
}

export async function takeScreenshots({ page, screenshotDir: dir }) {
  mkdirSync(dir, { recursive: true });
  for (const theme of ['light', 'dark']) {
    await setTheme(page, theme);
    for (const screen of screens) {
      await page.evaluate((hash) => (window.location.hash = hash), screen.hash);
      await page.locator('main h1').first().waitFor();
      await page.mouse.move(0, 0);
      await sleep(screen.name === 'service' ? 2500 : 1200);
      await page.screenshot({
        path: join(dir, `${screen.name}-${theme}.png`),
        fullPage: screen.name !== 'overview',
      });
    }
  }
  await setTheme(page, 'light');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await page.evaluate((hash) => (window.location.hash = hash), `#/services/${encodeURIComponent(SID)}`);
  await sleep(2000);
  await page.screenshot({ path: join(dir, 'service-ko-light.png'), fullPage: true });
  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'EN' }).click();
}

// Every screen at a phone's width (390 px) and at 1280x720: the page is never wider than the window, and
// the controls an operator needs (screens, live status, language, theme) are on it.
/* global window, document -- used inside page.evaluate, which runs in the browser */
import { check, sleep } from '../lib/expect.mjs';
import { SID } from './service-setup.mjs';

const screens = [
  { name: 'overview', hash: '#/' },
  { name: 'service', hash: `#/services/${encodeURIComponent(SID)}` },
  { name: 'connections', hash: '#/connections' },
  { name: 'settings', hash: '#/settings' },
];

async function pageWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function everyScreenFits(page, width, height) {
  await page.setViewportSize({ width, height });
  for (const screen of screens) {
    await page.evaluate((hash) => (window.location.hash = hash), screen.hash);
    await page.locator('main h1').first().waitFor();
    await sleep(screen.name === 'service' ? 2500 : 1000);
    const scrollWidth = await pageWidth(page);
    check(scrollWidth <= width, `${screen.name} at ${width} px is ${scrollWidth} px wide`);
    for (const control of [page.getByTestId('live-status'), page.getByTestId('theme-toggle')]) {
      const box = await control.boundingBox();
      check(
        box !== null && box.x >= 0 && box.x + box.width <= width,
        `${screen.name}: a control is off-screen`,
      );
    }
  }
}

export async function everyScreenAtPhoneWidth({ page, agent }) {
  try {
    await everyScreenFits(page, 390, 844);
    await everyScreenFits(page, 1280, 720);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.context().clearCookies();
    await page.reload();
    await page.getByTestId('sign-in').waitFor();
    const scrollWidth = await pageWidth(page);
    check(scrollWidth <= 390, `the sign-in screen at 390 px is ${scrollWidth} px wide`);
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(agent.loginUrl);
  }
  await page.getByRole('heading', { name: 'Virtual services' }).waitFor();
}

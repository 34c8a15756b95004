// Debian's Chromium driven by playwright-core, with a fresh profile and nothing that phones home.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumMissingMessage() {
  return `${CHROMIUM} not found. Install it with: sudo apt-get install -y chromium (or: node scripts/ensure-debian-packages.mjs chromium)`;
}

export function hasChromium() {
  return existsSync(CHROMIUM);
}

export async function launchBrowser(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// The change log in the browser: the Undo notice after a drag-to-quiesce, the Activity page (a change
// made in the UI shows up with its ipvsadm command and old -> new, and its Undo restores it), the
// change markers on the service's charts, and the import's confirmation before emptying the table.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
/* global window -- used inside page.evaluate, which runs in the browser */
import { check, eventually, sleep } from '../lib/expect.mjs';
import { mouseDrag } from './quiesce-drag.mjs';
import { SERVERS, SID } from './service-setup.mjs';

async function screenshot(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  await page.mouse.move(0, 0);
  await sleep(600);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function openService(page) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/services/${encodeURIComponent(SID)}`);
  await page.getByRole('heading', { name: 'Real servers' }).waitFor();
}

export async function undoNoticeAfterDrag({ page, api, screenshotDir }) {
  const server = SERVERS[1];
  const before = (await api.destination(SID, server)).weight;
  check(before > 0, `${server} starts in service (weight ${before})`);
  await openService(page);
  await mouseDrag(page, server, 'quiesced');
  await eventually(async () => (await api.destination(SID, server)).weight === 0, 'the drag quiesced it');
  const notice = page.getByTestId('change-notice');
  // The agent's table shows weight 0 before the drag's answer is back; until then the notice on screen may
  // still be the one of the test before (a notice stays ten seconds).
  await eventually(
    async () => (await notice.getByRole('status').textContent())?.includes('Real server quiesced'),
    'the notice says what was done',
  );
  await eventually(
    async () => (await notice.textContent())?.includes(server),
    "the notice carries the agent's summary",
  );
  await screenshot(page, screenshotDir, 'undo-notice-light');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await eventually(
    async () => (await api.destination(SID, server)).weight === before,
    `Undo gives back exactly weight ${before}`,
  );
  await page.getByTestId('lane-active').getByTestId(`server-${server}`).waitFor();
  await notice.getByText('Undone.').waitFor();
  // The changes just made are marked on the service's charts.
  await eventually(
    async () => (await page.getByTestId('rate-charts').getByTestId('change-marker').count()) >= 2,
    'the charts mark the quiesce and its undo',
  );
  const title = await page.getByTestId('change-marker').first().locator('title').textContent();
  check(/\d\d:\d\d:\d\d/.test(title ?? ''), `a marker's hover text says when and what: "${title}"`);
}

export async function activityShowsAndUndoes({ page, api, screenshotDir }) {
  await openService(page);
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Service settings' }) });
  await form.getByLabel('Scheduler').selectOption('rr');
  await form.getByRole('button', { name: 'Save' }).click();
  await eventually(async () => (await api.service(SID)).scheduler === 'rr', 'the scheduler is rr');
  await page.getByRole('navigation').getByRole('link', { name: 'Activity' }).click();
  const first = page.getByTestId('change-entry').first();
  await eventually(
    async () => (await first.textContent())?.includes('Service edited'),
    'the newest entry is the edit just made',
  );
  const text = (await first.textContent()) ?? '';
  check(text.includes('ipvsadm -E -t 10.10.0.1:80 -s rr'), `it shows the ipvsadm command: ${text}`);
  check(text.includes('wrr → rr'), `it shows the scheduler old -> new: ${text}`);
  const entries = await page.getByTestId('change-entry').allTextContents();
  check(
    entries.some((entry) => entry.includes('Real server quiesced') && entry.includes('-w 0')),
    'the drag-to-quiesce is in the log with its command',
  );
  await screenshot(page, screenshotDir, 'activity-light');
  await first.getByRole('button', { name: 'Undo' }).click();
  await eventually(async () => (await api.service(SID)).scheduler === 'wrr', 'Undo gives back wrr');
  await eventually(
    async () => (await page.getByTestId('change-entry').first().textContent())?.includes('Change undone'),
    'the undo is itself the newest entry',
  );
  // Filtered by service, every entry is about that service; the filter lives in the URL.
  await page.getByLabel('Service').selectOption(SID);
  await eventually(
    async () => (await page.evaluate(() => window.location.hash)).includes('service=tcp%3A10.10.0.1%3A80'),
    'the service filter is in the URL',
  );
  await eventually(async () => {
    const filtered = await page.getByTestId('change-entry').allTextContents();
    return filtered.length > 0 && filtered.every((entry) => entry.includes(SID));
  }, 'only changes to the service are listed');
  await openService(page);
}

export async function importAsksBeforeEmptying({ page, api }) {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const card = page.locator('section', {
    has: page.getByRole('heading', { name: 'Export and import (ipvsadm format)' }),
  });
  await card.getByLabel(/Replace the table/).check();
  await card.getByLabel('Rules').fill('# nothing but a comment\n');
  await card.getByRole('button', { name: 'Show what would change' }).click();
  const confirmation = card.getByTestId('replace-all-confirmation');
  await confirmation.waitFor();
  check(
    (await confirmation.textContent())?.includes('This removes every service.'),
    'it says plainly that every service goes',
  );
  await confirmation.getByRole('button', { name: 'Yes, remove every service' }).click();
  const plan = card.getByTestId('restore-plan');
  await plan.waitFor();
  check(
    (await plan.textContent())?.includes('-D -t 10.10.0.1:80'),
    'the confirmed dry run lists the removals',
  );
  check((await api.get('/services')).length > 0, 'a dry run removes nothing');
  // Leave the table as it is for the specs after this one.
  await card.getByLabel('Rules').fill('');
}

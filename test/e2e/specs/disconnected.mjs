// The agent dies: the page says in words that it cannot be reached and since when the numbers are old, dims
// them, and a change tried meanwhile says the agent cannot be reached (not the browser's "Failed to fetch").
// Then the agent comes back and the page signs in again with the login URL.
/* global getComputedStyle -- used inside page.evaluate, which runs in the browser */
import { check, eventually } from '../lib/expect.mjs';

export async function disconnectedState({ page, agent }) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  const status = page.getByTestId('live-status');
  await eventually(async () => (await status.getAttribute('data-state')) === 'connected', 'live first');
  const value = page.locator('.stat-value').first();
  const opacity = () => value.evaluate((element) => Number(getComputedStyle(element).opacity));
  check((await opacity()) === 1, 'live numbers at full contrast');
  await agent.stop();
  const notice = page.getByTestId('unreachable');
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  check(text.includes('The agent cannot be reached.'), `it says so in words: "${text}"`);
  check(
    /are from \d\d:\d\d:\d\d and are no longer live/.test(text),
    `it says how old the numbers are: "${text}"`,
  );
  await eventually(async () => (await opacity()) < 0.6, 'the stale numbers are dimmed');
  await page.getByRole('button', { name: 'Add service' }).click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'New virtual service' }) });
  await form.getByLabel('Virtual IP').fill('10.99.0.1');
  await form.getByLabel('Port').fill('80');
  await form.getByRole('button', { name: 'Create service' }).click();
  const error = form.getByRole('alert');
  await error.waitFor();
  const said = (await error.textContent()) ?? '';
  check(said.includes('The agent cannot be reached'), `the failed change says why in words: "${said}"`);
  check(!said.includes('Failed to fetch'), 'not "Failed to fetch"');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await agent.start();
  await page.goto(agent.loginUrl);
  await eventually(
    async () => (await status.getAttribute('data-state')) === 'connected',
    'live again',
    20_000,
  );
  check(!(await notice.isVisible()), 'the notice is gone once live');
  check((await opacity()) === 1, 'numbers at full contrast again');
}

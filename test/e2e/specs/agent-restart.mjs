// The agent goes away and comes back: the page says it is reconnecting and since when, then recovers
// (signing in again with the token if the new agent process does not know this browser's session).
import { check, eventually } from '../lib/expect.mjs';

export async function recoversFromAgentRestart({ page, agent }) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  const status = page.getByTestId('live-status');
  await eventually(
    async () => (await status.getAttribute('data-state')) === 'connected',
    'live before the restart',
  );
  await agent.stop();
  await eventually(
    async () => (await status.getAttribute('data-state')) === 'reconnecting',
    'the page says reconnecting',
  );
  const text = await status.textContent();
  check(/data from \d\d:\d\d:\d\d/.test(text ?? ''), `it says how old the data is: "${text}"`);
  await agent.start();
  const outcome = await eventually(
    async () => {
      if (
        (await status.getAttribute('data-state')) === 'connected' &&
        !(await page.getByTestId('sign-in').isVisible())
      )
        return 'live';
      if (await page.getByTestId('sign-in').isVisible()) return 'sign-in';
      return null;
    },
    'the page reconnects or asks to sign in again',
    30_000,
  );
  if (outcome === 'sign-in') {
    await page.getByTestId('sign-in').getByLabel('Token').fill(agent.token);
    await page.getByTestId('sign-in').getByRole('button', { name: 'Sign in' }).click();
  }
  await eventually(
    async () => (await status.getAttribute('data-state')) === 'connected',
    'live again after the restart',
    30_000,
  );
  await page.getByRole('heading', { name: 'Virtual services' }).waitFor();
  check(!(await page.getByTestId('sign-in').isVisible()), 'no sign-in prompt left');
}

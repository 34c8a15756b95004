// A bookmark opened in a browser without a session: only a sign-in screen that says where the login URL is
// (nothing of an empty load balancer), and the token typed there signs in and brings back the screen.
import { check, eventually } from '../lib/expect.mjs';

export async function signInScreenWithoutSession({ page, agent }) {
  await page.context().clearCookies();
  // A new document, as a bookmark opened in a fresh browser is (not a hash change in this one).
  await page.goto('about:blank');
  await page.goto(`${agent.origin}/#/settings`);
  const signIn = page.getByTestId('sign-in');
  await signIn.waitFor();
  check(
    await page.getByRole('heading', { name: 'Sign in to the IPVS dashboard' }).isVisible(),
    'it asks to sign in',
  );
  check(
    await page.getByText('journalctl -u ipvs-dashboard-agent').isVisible(),
    'it names the journal command',
  );
  check(
    await page.getByText(`${agent.origin}/?token=…`).isVisible(),
    'it shows what the login URL looks like',
  );
  for (const absent of ['Add service', 'Zero all counters', 'Clear the table']) {
    check((await page.getByRole('button', { name: absent }).count()) === 0, `no "${absent}" button`);
  }
  check((await page.getByRole('navigation').count()) === 0, 'no navigation to screens that cannot load');
  check(!(await page.getByText('Virtual services').isVisible()), 'no empty table of virtual services');
  await signIn.getByLabel('Token').fill(agent.token);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Counters and table' }).waitFor();
  await eventually(async () => page.url().endsWith('#/settings'), 'back on the screen of the bookmark');
}

// A read-only share link for a wall screen (issue 13): the admin makes one on the Settings page, the page
// shows its URL; opened, it signs the browser in as that viewer (the token leaves the address bar) and
// every control that would change the table is disabled; revoked, the screen falls back to the sign-in
// page by itself (its live feed is closed, no reload). Then the admin revokes a second link from the list.
import { check, eventually } from '../lib/expect.mjs';

async function makeLink(page, name) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const card = page.getByTestId('share-links');
  await card.getByTestId('share-link-name').fill(name);
  await card.getByRole('button', { name: 'Make a read-only link' }).click();
  const field = card.getByTestId('share-link-url');
  await eventually(async () => (await field.count()) === 1, `the link "${name}" is shown`);
  await card.getByTestId(`token-${name}`).waitFor();
  return field.inputValue();
}

export async function shareLinkForAWallScreen({ page, agent }) {
  await page.goto(agent.loginUrl);
  const url = await makeLink(page, 'e2e-wall');
  check(url.startsWith(`${agent.origin}/?token=`), `the link is a login URL of this agent: ${url}`);

  await page.goto(url);
  await page.getByTestId('role-notice').getByText('Signed in as e2e-wall (viewer)').waitFor();
  check(!page.url().includes('token='), `the token left the address bar: ${page.url()}`);
  const add = page.getByRole('button', { name: 'Add service' });
  await eventually(async () => (await add.getAttribute('disabled')) !== null, 'Add service is disabled');

  // Revoked by the admin (elsewhere): the wall screen shows the sign-in page within seconds.
  const revoked = await fetch(`${agent.origin}/api/v1/tokens/e2e-wall`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${agent.token}` },
  });
  check(revoked.status === 204, `revoked: ${revoked.status}`);
  await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
  await page.getByRole('heading', { name: 'Signed out' }).waitFor();

  // Back as the admin: a second link, revoked from the Settings page's list.
  await page.goto(agent.loginUrl);
  await makeLink(page, 'e2e-wall-2');
  const card = page.getByTestId('share-links');
  check((await card.getByTestId('token-e2e-wall').count()) === 0, 'the first link is gone from the list');
  page.once('dialog', (dialog) => dialog.accept());
  await card.getByTestId('token-e2e-wall-2').getByRole('button', { name: 'Revoke' }).click();
  await eventually(
    async () => (await card.getByTestId('token-e2e-wall-2').count()) === 0,
    'the second link is revoked from the list',
  );
}

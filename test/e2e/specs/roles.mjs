// Named tokens with roles in the browser (issue 13): a viewer's page says what it is and every control
// that would change the table is disabled with the reason; an operator may drag (quiesce) but not delete;
// signing in again with the admin token brings every control back. Tokens are made with the agent's own
// `token add` command in its state directory, which the running agent picks up.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { check, eventually } from '../lib/expect.mjs';
import { SERVERS } from './service-setup.mjs';

function addToken(repo, agent, name, role) {
  const out = execFileSync(
    process.execPath,
    [
      join(repo, 'apps/agent/dist/main.js'),
      'token',
      'add',
      name,
      '--role',
      role,
      '--state-dir',
      agent.stateDir,
    ],
    { encoding: 'utf8' },
  );
  const token = /^\s{4}(\S+)$/m.exec(out)?.[1];
  check(token, `token add printed a token: ${out}`);
  return token;
}

async function signIn(page, agent, token) {
  await page.goto(`${agent.origin}/?token=${token}`);
  // The first page after a sign-in loads the whole app and the table: 10 s was too short once on a loaded host.
  await page.getByRole('link', { name: 'Overview', exact: true }).waitFor({ timeout: 30_000 });
}

async function openService(page) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByRole('link', { name: '10.10.0.1:80' }).click();
  await page.getByTestId(`server-${SERVERS[0]}`).waitFor();
}

const disabled = async (locator) => (await locator.getAttribute('disabled')) !== null;

export async function controlsFollowTheRole({ page, agent, repo }) {
  const viewer = addToken(repo, agent, 'wall', 'viewer');
  const operator = addToken(repo, agent, 'oncall', 'operator');
  try {
    await signIn(page, agent, viewer);
    await page.getByTestId('role-notice').getByText('Signed in as wall (viewer)').waitFor();
    const add = page.getByRole('button', { name: 'Add service' });
    await eventually(() => disabled(add), 'Add service is disabled for a viewer');
    check(/needs an admin token/.test((await add.getAttribute('title')) ?? ''), 'its title says why');
    await openService(page);
    const handle = page
      .getByTestId(`server-${SERVERS[0]}`)
      .getByRole('button', { name: /^Move .* between Active and Quiesced$/ });
    await eventually(() => disabled(handle), 'a viewer cannot drag a real server');
    check(await disabled(page.getByRole('button', { name: 'Zero counters' })), 'nor zero counters');
    check(await disabled(page.getByRole('button', { name: 'Delete service' })), 'nor delete the service');

    await signIn(page, agent, operator);
    await openService(page);
    await eventually(
      async () =>
        !(await disabled(
          page
            .getByTestId(`server-${SERVERS[0]}`)
            .getByRole('button', { name: /^Move .* between Active and Quiesced$/ }),
        )),
      'an operator may drag (quiesce)',
    );
    await eventually(
      () => disabled(page.getByRole('button', { name: 'Delete service' })),
      'but may not delete the service',
    );
    check(!(await disabled(page.getByRole('button', { name: 'Zero counters' }))), 'and may zero counters');
  } finally {
    await signIn(page, agent, agent.token);
  }
  await openService(page);
  await eventually(
    async () => !(await disabled(page.getByRole('button', { name: 'Delete service' }))),
    'the admin token has every control back',
  );
}

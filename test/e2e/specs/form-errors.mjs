// Forms check what is typed with the agent's own schemas (issue 11, item 6): every problem at once, each
// next to its field, in the user's language; no equivalent command while the values do not validate;
// nothing sent. Then a refusal only the agent can make (a real server that exists) is shown in its words.
import { check, eventually } from '../lib/expect.mjs';
import { SERVERS, SID } from './service-setup.mjs';

/** The text the control's aria-describedby points at (its error), or ''. */
async function problemOf(form, label) {
  const control = form.getByLabel(label, { exact: true });
  const ids = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = [];
  for (const id of ids.split(' ').filter(Boolean)) {
    const node = form.locator(`[id="${id}"]`);
    if ((await node.getAttribute('role')) === 'alert') texts.push(await node.textContent());
  }
  return texts.join(' ');
}

export async function formShowsEveryError({ page, api }) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByRole('button', { name: 'Add service' }).click();
  const create = page.locator('form', { has: page.getByRole('heading', { name: 'New virtual service' }) });
  await create.getByLabel('Virtual IP').fill('10.0.0.300');
  await create.getByLabel('Port').fill('abc');
  await create.getByLabel('Persistence timeout (s, 0 = off)').fill('-5');
  check((await create.locator('.command').count()) === 0, 'no command while the values do not validate');
  check(!(await create.textContent()).includes('NaN'), 'no NaN anywhere in the form');
  await create.getByRole('button', { name: 'Create service' }).click();
  await eventually(async () => (await create.getByRole('alert').count()) === 3, 'three problems at once');
  check((await problemOf(create, 'Virtual IP')).includes('"10.0.0.300" is not an IP address'), 'address');
  check((await problemOf(create, 'Port')) === 'Enter a whole number from 0 to 65535.', 'port, in words');
  check(
    (await problemOf(create, 'Persistence timeout (s, 0 = off)')) ===
      'Enter a whole number from 0 to 2678400.',
    'persistence, in words',
  );
  // Fixing a field takes its problem away at once; the command appears when all are valid.
  await create.getByLabel('Virtual IP').fill('10.0.0.30');
  await create.getByLabel('Port').fill('8080');
  await create.getByLabel('Persistence timeout (s, 0 = off)').fill('0');
  await eventually(async () => (await create.getByRole('alert').count()) === 0, 'the problems go as fixed');
  await eventually(
    async () => (await create.locator('.command').textContent())?.includes('ipvsadm -A -t 10.0.0.30:8080'),
    'the command is shown once the values validate',
  );
  check(!(await api.get('/services')).some((s) => s.key.address === '10.0.0.300'), 'nothing was created');
  await create.getByRole('button', { name: 'Cancel' }).click();

  // The same in Korean, on the add-server form.
  await page.getByRole('link', { name: '10.10.0.1:80' }).click();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  const add = page.locator('form', { has: page.getByRole('heading', { name: '리얼 서버 추가' }) });
  await add.getByLabel('가중치', { exact: true }).fill('abc');
  await add.getByRole('button', { name: '서버 추가' }).click();
  await eventually(
    async () => (await problemOf(add, '가중치')) === '0부터 2147483647 사이의 정수를 입력하세요.',
    'the weight problem in Korean',
  );
  check((await problemOf(add, '리얼 서버 IP')).length > 0, 'the empty address is named too, at once');
  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'EN' }).click();

  // What only the agent knows: the real server exists. It names no field, so it goes by the button.
  const [address] = SERVERS[0].split(':');
  const english = page.locator('form', { has: page.getByRole('heading', { name: 'Add real server' }) });
  await english.getByLabel('Real server IP').fill(address);
  await english.getByLabel('Weight', { exact: true }).fill('1');
  await english.getByRole('button', { name: 'Add server' }).click();
  const said = await eventually(
    async () =>
      (await english.locator('.action-error').count()) && english.locator('.action-error').textContent(),
    'the agent refusal is shown',
  );
  check(said.includes('already'), `the agent says the server exists: "${said}"`);
  check((await api.service(SID)).destinations.length === 3, 'still three real servers');
  await english.getByLabel('Real server IP').fill('');
}

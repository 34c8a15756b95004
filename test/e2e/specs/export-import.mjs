// Export the table in ipvsadm format, add a line, see the dry-run plan, apply, and find it on the agent.
import { check, eventually } from '../lib/expect.mjs';

export async function exportAndImport({ page, api }) {
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.locator('section', {
    has: page.getByRole('heading', { name: 'Export and import (ipvsadm format)' }),
  });
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export (download)' }).click();
  const file = await download;
  check(file.suggestedFilename() === 'ipvsadm-rules.txt', 'the export downloads ipvsadm-rules.txt');
  const textarea = card.getByLabel('Rules');
  await eventually(
    async () => (await textarea.inputValue()).includes('-A -t 10.10.0.1:80 -s wrr'),
    'the export holds the service',
  );
  const exported = await textarea.inputValue();
  await textarea.fill(
    `${exported.trimEnd()}\n-A -t 10.10.0.2:443 -s rr\n-a -t 10.10.0.2:443 -r 10.20.0.9:443 -m -w 1\n`,
  );
  await card.getByRole('button', { name: 'Show what would change' }).click();
  const plan = card.getByTestId('restore-plan');
  await plan.waitFor();
  const planText = await plan.textContent();
  check(planText?.includes('10.10.0.2:443'), `the dry run lists the new service: ${planText}`);
  check(
    !(await api.get('/services')).some((s) => s.key.address === '10.10.0.2'),
    'a dry run changes nothing',
  );
  await card.getByRole('button', { name: 'Apply these changes' }).click();
  await eventually(
    async () =>
      (await api.get('/services')).some((s) => s.key.address === '10.10.0.2' && s.destinations.length === 1),
    'the imported service and its real server exist on the agent',
  );
}

export async function badImportShowsAgentError({ page, api }) {
  const card = page.locator('section', {
    has: page.getByRole('heading', { name: 'Export and import (ipvsadm format)' }),
  });
  await card.getByLabel('Rules').fill('-A -t 10.10.0.3:80 -s nosuchsched -p banana\n');
  await card.getByRole('button', { name: 'Show what would change' }).click();
  const alert = card.getByRole('alert');
  await alert.waitFor();
  const text = (await alert.textContent()) ?? '';
  check(text.length > 5, `the agent's error is shown: "${text}"`);
  check(!(await api.get('/services')).some((s) => s.key.address === '10.10.0.3'), 'nothing was created');
}

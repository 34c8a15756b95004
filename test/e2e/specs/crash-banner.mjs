// A change the agent was applying when it died: the agent finds its journal at start (the format is in
// apps/agent/src/changes/change-journal.ts), every page shows a banner, and Roll back / Finish it, each
// confirmed first, end it. Two interrupted changes are planted in the state directory while the agent is
// down; the banner shows the older first, then the other.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, eventually, sleep } from '../lib/expect.mjs';

function savable(address, weight) {
  return {
    key: { protocol: 'tcp', address, port: 80 },
    scheduler: 'rr',
    schedulerFlags: [],
    persistence: 0,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
    destinations: [
      {
        address: '10.30.0.1',
        port: 80,
        forwarding: 'masq',
        weight,
        upperThreshold: 0,
        lowerThreshold: 0,
        tunnelType: 'ipip',
        tunnelPort: 0,
        tunnelChecksum: 'nocsum',
      },
    ],
  };
}

/** A journal as a killed agent leaves it: the header, then progress up to `applied` of its steps. */
function plantJournal(stateDir, header, applied) {
  mkdirSync(stateDir, { recursive: true });
  const lines = [JSON.stringify(header), JSON.stringify({ applied })];
  writeFileSync(join(stateDir, `journal-${header.id}.jsonl`), lines.join('\n') + '\n');
}

export async function crashBanner({ page, agent, api, screenshotDir }) {
  const now = Date.now();
  const actor = { type: 'api', name: 'e2e' };
  await agent.stop();
  plantJournal(
    agent.stateDir,
    {
      id: 'e2e-crash-a',
      action: 'edit-destination',
      summary: 'Weight of 10.30.0.1:80 in tcp:10.10.9.1:80 1 -> 9',
      actor,
      startedAt: now - 60_000,
      total: 2,
      services: ['tcp:10.10.9.1:80'],
      before: [savable('10.10.9.1', 1)],
      target: [savable('10.10.9.1', 9)],
    },
    1,
  );
  plantJournal(
    agent.stateDir,
    {
      id: 'e2e-crash-b',
      action: 'restore',
      summary: 'Restore: tcp:10.10.9.2:80 with one real server',
      actor,
      startedAt: now - 30_000,
      total: 2,
      services: ['tcp:10.10.9.2:80'],
      before: [],
      target: [savable('10.10.9.2', 4)],
    },
    1,
  );
  await agent.start();
  await page.goto(agent.loginUrl);
  const banner = page.getByTestId('interrupted-change');
  await banner.waitFor({ timeout: 15_000 });
  const text = (await banner.textContent()) ?? '';
  check(text.includes('A change was interrupted.'), `the banner says so: ${text}`);
  check(
    text.includes('tcp:10.10.9.1:80 1 -> 9') && text.includes('1 of 2 steps'),
    `what and how far: ${text}`,
  );
  // On every page, not only the one it was first seen on.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await banner.waitFor();
  await sleep(300);
  await page.screenshot({ path: join(screenshotDir, 'crash-banner-light.png') });

  await banner.getByRole('button', { name: 'Roll back' }).click();
  check(
    (await banner.textContent())?.includes('back to how they were before it started?'),
    'Roll back asks first',
  );
  await banner.getByRole('button', { name: 'Yes, roll back' }).click();
  const result = page.getByTestId('interrupted-result');
  await eventually(
    async () => (await result.textContent())?.startsWith('Rolled back:'),
    'it says it rolled back',
  );
  const rolledBack = await api.service('tcp:10.10.9.1:80');
  check(rolledBack.destinations[0]?.weight === 1, 'the service is as it was before the change (weight 1)');
  await result.getByRole('button', { name: 'Dismiss' }).click();

  await eventually(
    async () => (await banner.textContent())?.includes('tcp:10.10.9.2:80 with one real server'),
    'then the other interrupted change is shown',
  );
  await banner.getByRole('button', { name: 'Finish it' }).click();
  await banner.getByRole('button', { name: 'Yes, finish it' }).click();
  await eventually(async () => (await result.textContent())?.startsWith('Finished:'), 'it says it finished');
  const finished = await api.service('tcp:10.10.9.2:80');
  check(finished.destinations[0]?.weight === 4, 'the change reached its target (weight 4)');
  check((await api.get('/info')).interruptedChange === null, 'nothing is left interrupted');
}

// Drain to completion on the demo's web service (simulated traffic, no packet sent anywhere): the card's
// Drain action shows the commands, starts a drain (then: keep, short deadline), the card shows its progress
// bar and counts while the simulated connections end, and at the deadline the server stays out under the
// operator's hold, so an ordinary unquiesce brings it back.
/* global window -- used inside page.evaluate, which runs in the browser */
import { check, eventually } from '../lib/expect.mjs';

const SID = 'tcp:10.0.0.10:80';
const DID = '10.0.1.2:8080';
const RS = `/services/${encodeURIComponent(SID)}/destinations/${encodeURIComponent(DID)}`;
const DEADLINE_SECONDS = 15;

export async function drainShowsProgress({ page, api }) {
  const before = await api.get(RS);
  check(before.weight > 0 && before.activeConns > 0, `the demo server is busy: ${JSON.stringify(before)}`);
  await page.evaluate((hash) => (window.location.hash = hash), `#/services/${encodeURIComponent(SID)}`);
  const card = page.getByTestId(`server-${DID}`);
  const action = card.getByTestId('drain-action');
  await action.locator('summary').click();
  await action.getByLabel('At the end').selectOption('keep');
  await action.getByLabel('Deadline (seconds)').fill(String(DEADLINE_SECONDS));
  const commands = (await action.getByLabel('Equivalent command').last().textContent()) ?? '';
  check(
    commands === `ipvsadm -e -t 10.0.0.10:80 -r ${DID} -m -w 0`,
    `the action shows the command it runs (no -d for keep): "${commands}"`,
  );
  await action.getByRole('button', { name: 'Start drain' }).click();

  const progress = card.getByTestId('drain-progress');
  await progress.waitFor({ timeout: 20_000 });
  await eventually(
    async () => (await card.getByTestId('weight').textContent()) === 'weight 0',
    'the card shows weight 0',
  );
  const started = await api.get(`${RS}/drain`);
  check(
    started.then === 'keep' && started.atStart.active > 0,
    `the agent runs it: ${JSON.stringify(started)}`,
  );
  // While it drains, unquiesce (the drag handle) is disabled with the reason the agent's 409 gives.
  const handle = card.getByRole('button', { name: `Move ${DID} between Active and Quiesced` });
  check(await handle.isDisabled(), 'the drag handle is disabled while the server drains');
  const why = (await handle.getAttribute('title')) ?? '';
  check(
    why.includes(`${DID} is being drained`) && why.includes('Cancel the drain first'),
    `the handle says why: "${why}"`,
  );
  const counts = (await card.getByTestId('drain-counts').textContent()) ?? '';
  check(/left of [\d,]+ at start: .* active, .* inactive, .* templates/.test(counts), `counts: "${counts}"`);
  // Closed connections wait out TIME_WAIT (2 min) as inactive ones, as in the kernel: within the deadline the
  // active ones end and the card follows them.
  const activeNow = async () =>
    Number(/([\d,]+) active/.exec((await card.getByTestId('drain-counts').textContent()) ?? '')?.[1]);
  await eventually(
    async () => (await activeNow()) < started.atStart.active,
    'the counts follow the simulated connections as they end',
    DEADLINE_SECONDS * 1000,
  );
  const estimate = (await card.getByTestId('drain-estimate').textContent()) ?? '';
  check(/left|deadline/.test(estimate), `an estimate: "${estimate}"`);

  await progress.waitFor({ state: 'detached', timeout: (DEADLINE_SECONDS + 10) * 1000 });
  const heldBy = (await card.getByTestId('held-by').textContent()) ?? '';
  check(heldBy.includes('operator'), `kept out under the operator's hold: "${heldBy}"`);
  const kept = await api.get(RS);
  check(kept.weight === 0 && kept.drain === null, `kept at weight 0: ${JSON.stringify(kept)}`);
  await api.post(`${RS}/unquiesce`);
  await eventually(
    async () => (await api.get(RS)).weight === before.weight,
    'unquiesce gives its weight back',
  );
}

// Drag a real server to Quiesced (mouse, then keyboard): the API shows weight 0, its new connections
// stop while the others keep taking them; dragging back restores its weight.
/* global window, document -- used inside page.evaluate, which runs in the browser */
import { check, eventually, sleep } from '../lib/expect.mjs';
import { SERVERS, SID } from './service-setup.mjs';

/** Picks the card up by its handle and holds it over `lane`; returns the function that drops it. */
export async function hoverOver(page, server, lane) {
  await page.getByRole('heading', { name: 'Real servers' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  const handle = page.getByTestId(`server-${server}`).getByRole('button', { name: /^Move / });
  const from = await handle.boundingBox();
  const to = await page.getByTestId(`lane-${lane}`).boundingBox();
  check(from && to, 'the handle and the lane are on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  return () => page.mouse.up();
}

export async function mouseDrag(page, server, lane) {
  const drop = await hoverOver(page, server, lane);
  await drop();
}

async function conns(api) {
  const service = await api.service(SID);
  return Object.fromEntries(service.destinations.map((d) => [`${d.address}:${d.port}`, d.stats.conns]));
}

export async function dragToQuiesced({ page, api }) {
  const [target, ...others] = SERVERS;
  await mouseDrag(page, target, 'quiesced');
  await page.getByTestId('lane-quiesced').getByTestId(`server-${target}`).waitFor();
  await eventually(async () => (await api.destination(SID, target)).weight === 0, 'the API shows weight 0');
  // Counters are published every 2 s (the kernel's estimator period, which the simulator keeps): wait past
  // one publication so connections made before the drag are all counted in `before`.
  await sleep(2500);
  const before = await conns(api);
  await sleep(5000);
  const after = await conns(api);
  check(
    after[target] === before[target],
    `no new connections to ${target}: ${before[target]} -> ${after[target]}`,
  );
  for (const other of others) {
    check(
      after[other] > before[other],
      `${other} keeps taking connections: ${before[other]} -> ${after[other]}`,
    );
  }
}

export async function dragBack({ page, api }) {
  const [target] = SERVERS;
  await mouseDrag(page, target, 'active');
  await page.getByTestId('lane-active').getByTestId(`server-${target}`).waitFor();
  await eventually(
    async () => (await api.destination(SID, target)).weight === 2,
    'the API shows the old weight 2 again',
  );
}

/** Keys at a person's pace: dnd-kit measures the lanes in the frames after a pick-up. */
async function keys(page, names) {
  for (const name of names) {
    await page.keyboard.press(name);
    await sleep(150);
  }
}

export async function keyboardDrag({ page, api }) {
  const server = SERVERS[2];
  const handle = () => page.getByTestId(`server-${server}`).getByRole('button', { name: /^Move / });
  await page.evaluate(() => window.scrollTo(0, 0));
  await handle().focus();
  await keys(page, ['Space', 'ArrowRight', 'Space']);
  await eventually(
    async () => (await api.destination(SID, server)).weight === 0,
    'Space, Right, Space quiesces',
  );
  await page.getByTestId('lane-quiesced').getByTestId(`server-${server}`).waitFor();
  // A keyboard user stays where they were and hears what the drop did.
  await eventually(
    () =>
      page.evaluate(
        (id) =>
          document.querySelector(`[data-testid="server-${id}"]`)?.contains(document.activeElement) ?? false,
        server,
      ),
    'focus stays on the card after a keyboard drop',
  );
  await eventually(
    async () =>
      (await page.locator('[id^="DndLiveRegion"]').allTextContents()).some((text) =>
        text.includes('Its weight is now 0.'),
      ),
    'the screen reader hears the new weight',
  );
  // dnd-kit finishes a keyboard drop on the next frames (focus restore, listeners removed); a new
  // pick-up before that is ignored, as it would be for a person pressing keys that fast.
  await sleep(300);
  await handle().focus();
  await keys(page, ['Space', 'ArrowLeft', 'Space']);
  await eventually(
    async () => (await api.destination(SID, server)).weight === 2,
    'Space, Left, Space restores weight 2',
  );
}

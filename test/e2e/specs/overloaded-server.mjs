// A real server the thresholds keep from new connections (issue 11, item 1): it stays in "Active" but its
// card says overloaded and why, the overview counts it, the API says `overloaded: true`, and its
// connection counter stops while the others go on. An upper threshold of 1 is reached by the first
// connection, and its TIME_WAIT entries (inactive, 120 s) keep it there.
import { check, eventually, sleep } from '../lib/expect.mjs';
import { SERVERS, SID } from './service-setup.mjs';

const path = (server) => `/services/${encodeURIComponent(SID)}/destinations/${encodeURIComponent(server)}`;

export async function overloadedServer(ctx) {
  const server = SERVERS[2];
  try {
    await showsOverloaded(ctx, server);
  } finally {
    // Removing the threshold clears the flag (ip_vs_ctl.c __ip_vs_update_dest), for the specs that follow.
    await ctx.api.patch(path(server), { upperThreshold: 0, lowerThreshold: 0 });
  }
  const { page, api } = ctx;
  await eventually(async () => !(await api.destination(SID, server)).overloaded, 'the flag clears');
  await page.getByRole('link', { name: '10.10.0.1:80' }).click();
  await eventually(
    async () => (await page.getByTestId(`server-${server}`).getAttribute('data-overloaded')) === 'false',
    'the card is no longer overloaded',
  );
}

async function showsOverloaded({ page, api }, server) {
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByRole('link', { name: '10.10.0.1:80' }).click();
  await api.patch(path(server), { upperThreshold: 1, lowerThreshold: 0 });
  await eventually(
    async () => (await api.destination(SID, server)).overloaded,
    'the API says overloaded',
    20_000,
  );
  const card = page.getByTestId('lane-active').getByTestId(`server-${server}`);
  await eventually(
    async () => (await card.getAttribute('data-overloaded')) === 'true',
    'the card in Active is marked overloaded',
  );
  check((await card.getByTestId('overloaded').textContent()) === 'overloaded', 'the chip says overloaded');
  const why = await card.getByTestId('overloaded-why').textContent();
  check(
    /reached the upper threshold 1 \(now \d+\)\. New ones resume below 1\./.test(why ?? ''),
    `the card says why: "${why}"`,
  );
  // No new connections for it while the others still get theirs. Counters are published in the kernel
  // estimator's 2 s steps, so the connection that reached the threshold may show up to 2 s late: wait it out.
  await sleep(2500);
  const before = await api.service(SID);
  await sleep(3000);
  const after = await api.service(SID);
  const conns = (service, did) =>
    service.destinations.find((d) => `${d.address}:${d.port}` === did).stats.conns;
  check(conns(after, server) === conns(before, server), 'the overloaded server got no new connections');
  check(after.stats.conns > before.stats.conns, 'the service still takes connections on the others');

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  // (The threshold spec before this one may have overloaded another server of the service by now.)
  await eventually(async () => {
    const count = (await api.service(SID)).destinations.filter((d) => d.overloaded).length;
    const row = page.locator('tr', { has: page.getByRole('link', { name: '10.10.0.1:80' }) });
    return (await row.getByTestId('overloaded-count').textContent()) === `${count} overloaded`;
  }, 'the overview counts the overloaded servers');
}

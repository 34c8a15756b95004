// While a card hovers over the other lane the board shows the ipvsadm command the drop makes; a server at
// weight 0 that the agent did not quiesce (ipvsadm, keepalived) has no weight to go back to, so dropping it
// on Active asks which weight, and that weight is set.
import { check, eventually } from '../lib/expect.mjs';
import { hoverOver } from './quiesce-drag.mjs';
import { SERVERS, SID } from './service-setup.mjs';

export async function dragShowsCommandAndAsksWeight({ page, api }) {
  const server = SERVERS[1];
  const path = `/services/${encodeURIComponent(SID)}/destinations/${encodeURIComponent(server)}`;
  const weightBefore = (await api.destination(SID, server)).weight;
  check(weightBefore > 0, `${server} starts in Active (weight ${weightBefore})`);

  let drop = await hoverOver(page, server, 'quiesced');
  const preview = page.getByTestId('drag-preview');
  await preview.waitFor();
  const quiesceLine = await preview.textContent();
  check(
    quiesceLine.includes(`ipvsadm -e -t 10.10.0.1:80 -r ${server}`) && quiesceLine.includes('-w 0'),
    `the command shows while dragging: ${quiesceLine}`,
  );
  await drop();
  await preview.waitFor({ state: 'detached' });
  await eventually(async () => (await api.destination(SID, server)).weight === 0, 'quiesced');

  // Weight 0 set outside the drag (as ipvsadm -e -w 0 would): the agent remembers nothing to give back.
  await api.post(`${path}/unquiesce`);
  await api.patch(path, { weight: 0 });
  await eventually(
    async () => (await api.get('/quiesced')).every((entry) => entry.destination !== server),
    'the agent remembers no weight for it',
  );
  await page.getByTestId('lane-quiesced').getByTestId(`server-${server}`).waitFor();
  drop = await hoverOver(page, server, 'active');
  await eventually(
    async () => (await preview.textContent()).includes('asks which weight'),
    'the preview says the drop will ask for a weight',
  );
  const asked = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.accept('4');
  });
  await drop();
  await eventually(async () => (await api.destination(SID, server)).weight === 4, 'the weight typed is set');
  check(asked[0]?.includes('no weight to go back to'), `the question says why it asks: ${asked[0]}`);
  await api.patch(path, { weight: weightBefore });
}

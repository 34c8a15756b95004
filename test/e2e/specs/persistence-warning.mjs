// A persistent service with expire_quiescent_template 0: the service page warns that quiesced servers
// keep their returning clients, shows the sysctl, and the button changes the setting.
/* global window -- used inside page.evaluate, which runs in the browser */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, eventually, sleep } from '../lib/expect.mjs';

const SID = 'tcp:10.10.0.5:80';

export async function persistenceWarning({ page, api, screenshotDir }) {
  await api.put('/kernel-settings/expire_quiescent_template', { value: 0 });
  await api.post('/services', {
    protocol: 'tcp',
    address: '10.10.0.5',
    port: 80,
    scheduler: 'rr',
    schedulerFlags: [],
    persistence: 300,
    netmask: '255.255.255.255',
    persistenceEngine: null,
    onePacket: false,
  });
  for (const address of ['10.20.5.1', '10.20.5.2']) {
    await api.post(`/services/${encodeURIComponent(SID)}/destinations`, {
      address,
      port: 80,
      forwarding: 'route',
      weight: 1,
      upperThreshold: 0,
      lowerThreshold: 0,
      tunnelType: 'ipip',
      tunnelPort: 0,
      tunnelChecksum: 'nocsum',
    });
  }
  await page.evaluate((hash) => (window.location.hash = hash), `#/services/${encodeURIComponent(SID)}`);
  const warning = page.getByTestId('persistence-warning');
  await warning.waitFor();
  const text = (await warning.textContent()) ?? '';
  check(text.includes('300 s'), `the warning names the persistence timeout: "${text}"`);
  check(
    text.includes('sysctl -w net.ipv4.vs.expire_quiescent_template=1'),
    'the warning shows the sysctl first',
  );
  await page.mouse.move(0, 0);
  await sleep(3000);
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, 'service-persistent-light.png') });
  await warning.getByRole('button', { name: 'Expire templates of quiesced servers' }).click();
  await eventually(async () => {
    const settings = await api.get('/kernel-settings');
    return settings.find((s) => s.name === 'expire_quiescent_template')?.value === 1;
  }, 'the agent reports expire_quiescent_template = 1');
  await warning.waitFor({ state: 'detached' });
}

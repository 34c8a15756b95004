import { afterEach, describe, it, vi } from 'vitest';
import { expectAnnounced } from '../../../../testing/expect-announced';
import { useImportConfig } from '../config';
import { useStartDaemon, useStopDaemon } from '../daemons';
import { useSetKernelSetting } from '../kernel-settings';
import { useClearTable, useZeroAll } from '../table-actions';
import { useSetTimeouts } from '../timeouts';

const applied = { added: 1, changed: 0, removed: 0 };

describe('settings mutations', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('each offers Undo of the change the agent names in X-Change-Id', async () => {
    await expectAnnounced(useSetTimeouts, { tcp: 600, tcpFin: 0, udp: 0 }, 'timeouts');
    await expectAnnounced(useSetKernelSetting, { name: 'drop_entry', value: 1 }, 'kernel-setting');
    await expectAnnounced(useStartDaemon, { state: 'master', interface: 'eth0' }, 'start-daemon');
    await expectAnnounced(useStopDaemon, 'master', 'stop-daemon');
    await expectAnnounced(useZeroAll, undefined, 'zero');
    await expectAnnounced(useClearTable, undefined, 'clear');
    const text = '-A -t 10.0.0.9:80 -s rr\n';
    await expectAnnounced(
      useImportConfig,
      { text, mode: 'replace', dryRun: false, replaceAll: false },
      'restore',
      applied,
    );
    await expectAnnounced(
      useImportConfig,
      { text, mode: 'merge', dryRun: false, replaceAll: false },
      'merge',
      applied,
    );
  });
});

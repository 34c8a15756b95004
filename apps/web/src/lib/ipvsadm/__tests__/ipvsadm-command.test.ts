import { describe, expect, it } from 'vitest';
import {
  INCOMPLETE,
  addDestinationCommand,
  addServiceCommand,
  kernelSettingCommand,
} from '../ipvsadm-command';

const settings = {
  scheduler: 'wrr',
  schedulerFlags: [],
  persistence: 0,
  netmask: '',
  persistenceEngine: null,
  onePacket: false,
};

describe('ipvsadm-command', () => {
  it('shows the command a change is equivalent to', () => {
    expect(addServiceCommand({ protocol: 'tcp', address: '10.0.0.1', port: 80, ...settings })).toBe(
      'ipvsadm -A -t 10.0.0.1:80 -s wrr',
    );
    expect(
      addDestinationCommand(
        { protocol: 'tcp', address: '10.0.0.1', port: 80 },
        {
          address: '10.0.1.2',
          port: 80,
          forwarding: 'masq',
          weight: 3,
          upperThreshold: 100,
          lowerThreshold: 0,
          tunnelType: 'ipip',
          tunnelPort: 0,
          tunnelChecksum: 'nocsum',
        },
      ),
    ).toBe('ipvsadm -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 3 -x 100');
  });

  it('does not throw while an address is half typed', () => {
    expect(addServiceCommand({ protocol: 'tcp', address: '10.0.', port: 80, ...settings })).toBe(INCOMPLETE);
  });

  it('writes kernel settings as sysctl lines', () => {
    expect(kernelSettingCommand('expire_quiescent_template', 1)).toBe(
      'sysctl -w net.ipv4.vs.expire_quiescent_template=1',
    );
  });
});

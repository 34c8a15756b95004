// The /proc/sys/net/ipv4/vs settings the simulated kernel offers, with the kernel's defaults
// (Documentation/networking/ipvs-sysctl.rst) and the ranges its handlers accept: the defense modes go
// through proc_do_defense_mode (0..3), the booleans are 0/1, the rest plain ints.
import { AppError } from '@ipvs-dashboard/shared';
import type { KernelSetting } from '@ipvs-dashboard/shared';

const INT_MAX = 0x7fff_ffff;

const defaults: readonly KernelSetting[] = [
  {
    name: 'am_droprate',
    value: 10,
    min: 0,
    max: INT_MAX,
    description: 'Drop one packet in this many when drop_packet defends against memory exhaustion.',
  },
  {
    name: 'amemthresh',
    value: 1024,
    min: 0,
    max: INT_MAX,
    description: 'Free-memory threshold in pages below which the automatic defense strategies switch on.',
  },
  {
    name: 'conn_reuse_mode',
    value: 1,
    min: 0,
    max: 3,
    description: 'How a new connection reusing a port of an old one is handled (bit 1: reschedule it).',
  },
  {
    name: 'drop_entry',
    value: 0,
    min: 0,
    max: 3,
    description: 'Randomly drop connection entries to survive a SYN flood: 0 off, 1-2 automatic, 3 always.',
  },
  {
    name: 'drop_packet',
    value: 0,
    min: 0,
    max: 3,
    description:
      'Drop packets at the am_droprate rate under memory pressure: 0 off, 1-2 automatic, 3 always.',
  },
  {
    name: 'expire_nodest_conn',
    value: 0,
    min: 0,
    max: 1,
    description: 'Expire connections to a deleted real server at once instead of letting them time out.',
  },
  {
    name: 'expire_quiescent_template',
    value: 0,
    min: 0,
    max: 1,
    description: 'Expire persistence templates of a real server whose weight is 0, so clients move on.',
  },
  {
    name: 'secure_tcp',
    value: 0,
    min: 0,
    max: 3,
    description: 'Use stricter TCP state timeouts against floods: 0 off, 1-2 automatic, 3 always.',
  },
];

export class KernelSettings {
  private readonly settings = new Map(defaults.map((s) => [s.name, { ...s }]));

  list(): KernelSetting[] {
    return [...this.settings.values()].map((s) => ({ ...s }));
  }

  value(name: string): number {
    return this.settings.get(name)?.value ?? 0;
  }

  set(name: string, value: number): void {
    const setting = this.settings.get(name);
    if (!setting) throw new AppError('NOT_FOUND', `There is no kernel setting "${name}".`, { field: 'name' });
    if (!Number.isInteger(value) || value < setting.min || value > setting.max) {
      throw new AppError(
        'OUT_OF_RANGE',
        `${name} must be an integer from ${setting.min} to ${setting.max}.`,
        {
          field: 'value',
        },
      );
    }
    setting.value = value;
  }
}

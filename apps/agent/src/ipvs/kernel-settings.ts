// The /proc/sys/net/ipv4/vs settings the dashboard shows and edits, with the ranges the kernel documents
// (Documentation/networking/ipvs-sysctl.rst; defense modes are checked 0..3 by ip_vs_ctl.c
// proc_do_defense_mode). Writes are validated here before the file is touched.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@ipvs-dashboard/shared';
import type { KernelSetting } from '@ipvs-dashboard/shared';

export const IPVS_SYSCTL_DIR = '/proc/sys/net/ipv4/vs';
const INT_MAX = 0x7fff_ffff;

interface SettingRule {
  min: number;
  max: number;
  description: string;
}

const defenseModes = '0 off, 1 on when memory is low, 2 always on, 3 always on at am_droprate';

export const settingRules: Record<string, SettingRule> = {
  drop_entry: {
    min: 0,
    max: 3,
    description: `Randomly drops connection entries to survive a SYN flood (${defenseModes}).`,
  },
  drop_packet: {
    min: 0,
    max: 3,
    description: `Drops 1 of every rate packets before they are forwarded (${defenseModes}).`,
  },
  secure_tcp: {
    min: 0,
    max: 3,
    description: `Uses shorter, more careful TCP state timeouts against attacks (${defenseModes}).`,
  },
  amemthresh: {
    min: 0,
    max: INT_MAX,
    description: 'Available-memory threshold in pages below which the automatic defense modes turn on.',
  },
  am_droprate: {
    min: 0,
    max: INT_MAX,
    description: 'Drop rate used by mode 3 of the drop_packet defense (drop 1 of this many packets).',
  },
  expire_nodest_conn: {
    min: 0,
    max: 1,
    description:
      'Expires a connection at once when its real server is removed, instead of letting it time out.',
  },
  expire_quiescent_template: {
    min: 0,
    max: 1,
    description:
      'Expires persistence templates pointing at a weight-0 real server, so clients move elsewhere.',
  },
  conn_reuse_mode: {
    min: 0,
    max: 3,
    description:
      'Bitmap: 1 reschedules reused client ports when safe (TIME_WAIT), 2 also in FIN_WAIT; 0 never.',
  },
};

/** Legacy per-state timeout files (timeout_established, ...), present only on some kernels. */
function ruleFor(name: string): SettingRule | undefined {
  if (name in settingRules) return settingRules[name];
  if (/^timeout_[a-z_]+$/.test(name)) {
    const state = name.slice('timeout_'.length).replace(/_/g, ' ');
    return { min: 0, max: INT_MAX, description: `Seconds an IPVS connection stays in the ${state} state.` };
  }
  return undefined;
}

function fsError(error: unknown, name: string): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError('PERMISSION_DENIED', undefined, { cause: error });
  if (code === 'ENOENT') {
    return new AppError('IPVS_UNAVAILABLE', `This kernel has no IPVS setting ${name}.`, { cause: error });
  }
  if (code === 'EINVAL') {
    return new AppError('VALIDATION_FAILED', `The kernel refused the value for ${name}.`, {
      cause: error,
      field: name,
    });
  }
  return new AppError('KERNEL_ERROR', `Could not access the IPVS setting ${name}.`, { cause: error });
}

/** Every known setting present in `dir`, with its value and range. */
export async function readKernelSettings(dir = IPVS_SYSCTL_DIR): Promise<KernelSetting[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw fsError(error, dir);
  }
  const settings: KernelSetting[] = [];
  for (const name of names.sort()) {
    const rule = ruleFor(name);
    if (rule === undefined) continue;
    const text = await readFile(join(dir, name), 'utf8').catch((error: unknown) => {
      throw fsError(error, name);
    });
    settings.push({ name, value: Number(text.trim().split(/\s+/)[0]), ...rule });
  }
  return settings;
}

/** Checks name and range (VALIDATION_FAILED naming the setting), then writes the file. */
export async function writeKernelSetting(name: string, value: number, dir = IPVS_SYSCTL_DIR): Promise<void> {
  const rule = ruleFor(name);
  if (rule === undefined) {
    throw new AppError('VALIDATION_FAILED', `${name} is not an IPVS setting the dashboard manages.`, {
      field: name,
    });
  }
  if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
    throw new AppError('VALIDATION_FAILED', `${name} must be an integer from ${rule.min} to ${rule.max}.`, {
      field: name,
    });
  }
  try {
    await writeFile(join(dir, name), `${value}\n`, { flag: 'r+' });
  } catch (error) {
    throw fsError(error, name);
  }
}

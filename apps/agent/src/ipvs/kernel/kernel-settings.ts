// Reading and writing the /proc/sys/net/ipv4/vs settings of the shared catalogue (kernel-settings.ts in
// shared: ranges and meanings). Writes are validated against it before the file is touched.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, kernelSettingRule } from '@ipvs-dashboard/shared';
import type { KernelSetting } from '@ipvs-dashboard/shared';

export const IPVS_SYSCTL_DIR = '/proc/sys/net/ipv4/vs';

const ruleFor = kernelSettingRule;

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
    settings.push({
      name,
      value: Number(text.trim().split(/\s+/)[0]),
      min: rule.min,
      max: rule.max,
      description: rule.description,
    });
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

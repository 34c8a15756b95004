// The /proc/sys/net/ipv4/vs settings the simulated kernel offers: every setting of the shared catalogue
// (ranges, meanings) at the kernel's default value.
import { AppError, kernelSettingCatalogue } from '@ipvs-dashboard/shared';
import type { KernelSetting } from '@ipvs-dashboard/shared';

const defaults: readonly KernelSetting[] = Object.entries(kernelSettingCatalogue)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, rule]) => ({
    name,
    value: rule.defaultValue,
    min: rule.min,
    max: rule.max,
    description: rule.description,
  }));

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

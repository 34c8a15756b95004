import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { KernelSetting } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { hasMessage } from '../../../lib/i18n/catalogue';
import { kernelSettingCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { kernelSettingsQueryOptions } from '../../../lib/table/get-kernel-settings';
import { useSetKernelSetting } from '../api/kernel-settings';

function KernelSettingRow({ setting }: { setting: KernelSetting }) {
  const t = useT();
  const [value, setValue] = useState(String(setting.value));
  const save = useSetKernelSetting();
  const changed = value !== String(setting.value);
  const key = `kernel.${setting.name}`;
  const description = hasMessage(key) ? t(key) : setting.description;
  return (
    <tr>
      <td className="mono">{setting.name}</td>
      <td>
        {description}
        {changed && <CommandPreview commands={kernelSettingCommand(setting.name, Number(value))} />}
        <ActionError error={save.error} />
      </td>
      <td>
        <div className="row" style={{ flexWrap: 'nowrap' }}>
          <input
            aria-label={setting.name}
            inputMode="numeric"
            style={{ width: 90 }}
            value={value}
            title={`${setting.min}–${setting.max}`}
            onChange={(event) => setValue(event.target.value)}
          />
          <button
            type="button"
            className="small"
            disabled={!changed || save.isPending}
            onClick={() => save.mutate({ name: setting.name, value: Number(value) })}
          >
            {t('common.apply')}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function KernelSettingsCard() {
  const t = useT();
  const settings = useQuery(kernelSettingsQueryOptions());
  return (
    <section className="card" aria-labelledby="kernel-heading">
      <h2 id="kernel-heading">{t('kernel.title')}</h2>
      <ActionError error={settings.error} />
      <table className="data stack-narrow">
        <tbody>
          {settings.data?.map((setting) => (
            <KernelSettingRow key={`${setting.name}-${setting.value}`} setting={setting} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useState } from 'react';
import { AllowedButton } from '../../../components/allowed-button';
import { useQuery } from '@tanstack/react-query';
import type { KernelSetting } from '@ipvs-dashboard/shared';
import { intInRange } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError, FieldError } from '../../../components/error-text';
import { numberFrom, useFormCheck, type FormSchema } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { hasMessage } from '../../../lib/i18n/catalogue';
import { kernelSettingCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { kernelSettingsQueryOptions } from '../../../lib/table/get-kernel-settings';
import { useSetKernelSetting } from '../api/kernel-settings';

/** The setting's own range (the agent sends it, shared kernel-settings.ts) as a form schema of `{value}`. */
function rangeOf(setting: KernelSetting): FormSchema<{ value: number }> {
  const range = intInRange(setting.min, setting.max);
  return {
    safeParse: (input) => {
      const result = range.safeParse((input as { value: number }).value);
      if (result.success) return { success: true, data: { value: result.data } };
      return {
        success: false,
        error: { issues: result.error.issues.map(({ message }) => ({ path: ['value'], message })) },
      };
    },
  };
}

function KernelSettingRow({ setting }: { setting: KernelSetting }) {
  const t = useT();
  const [value, setValue] = useState(String(setting.value));
  const save = useSetKernelSetting();
  const changed = value !== String(setting.value);
  const key = `kernel.${setting.name}`;
  const description = hasMessage(key) ? t(key) : setting.description;
  // The range is the setting's own, as the agent sends it (shared kernel-settings.ts).
  const check = useFormCheck(rangeOf(setting), { value: numberFrom(value) }, { agentError: save.error });
  const problem = check.problemOf('value');
  const errorId = `kernel-${setting.name}-error`;
  const apply = () => {
    if (!check.attempt()) return;
    save.mutate({ name: setting.name, value: numberFrom(value) }, { onSuccess: () => check.reset() });
  };
  return (
    <tr>
      <td className="mono">{setting.name}</td>
      <td>
        {description}
        {changed && check.value && (
          <CommandPreview commands={kernelSettingCommand(setting.name, numberFrom(value))} />
        )}
        {!check.agentErrorAtField(['value']) && <ActionError error={save.error} />}
      </td>
      <td>
        <div className="row" style={{ flexWrap: 'nowrap' }}>
          <input
            aria-label={setting.name}
            inputMode="numeric"
            style={{ width: 90 }}
            value={value}
            title={`${setting.min}–${setting.max}`}
            aria-invalid={Boolean(problem)}
            aria-describedby={problem ? errorId : undefined}
            onChange={(event) => setValue(event.target.value)}
          />
          <AllowedButton
            request={['PUT', `/kernel-settings/${encodeURIComponent(setting.name)}`]}
            className="small"
            disabled={!changed || save.isPending}
            onClick={apply}
          >
            {t('common.apply')}
          </AllowedButton>
        </div>
        <FieldError id={errorId} message={problem} />
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

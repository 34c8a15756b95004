import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { kernelSettingCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import {
  kernelSettingsQueryKey,
  kernelSettingsQueryOptions,
  setKernelSetting,
} from '../../../lib/table/get-kernel-settings';
import { needsTemplateWarning } from './board-lanes';

const SETTING = 'expire_quiescent_template';

/** Persistent service + expire_quiescent_template 0: quiescing will not stop returning clients. */
export function PersistenceWarning({ service }: { service: ServiceWithDestinations }) {
  const t = useT();
  const queryClient = useQueryClient();
  const settings = useQuery(kernelSettingsQueryOptions());
  const value = settings.data?.find((setting) => setting.name === SETTING)?.value;
  const change = useMutation({
    mutationFn: () => setKernelSetting(SETTING, 1),
    onSettled: () => queryClient.invalidateQueries({ queryKey: kernelSettingsQueryKey }),
  });
  if (!needsTemplateWarning(service, value)) return null;
  return (
    <div className="notice" role="status" data-testid="persistence-warning">
      <div style={{ flex: 1 }}>
        <strong>{t('warning.title')}</strong> {t('warning.body', { seconds: service.persistence })}
        <CommandPreview commands={kernelSettingCommand(SETTING, 1)} />
        <ActionError error={change.error} />
      </div>
      <button type="button" className="primary" disabled={change.isPending} onClick={() => change.mutate()}>
        {t('warning.fix')}
      </button>
    </div>
  );
}

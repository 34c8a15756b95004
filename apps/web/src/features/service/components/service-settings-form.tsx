import { memo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { serviceSettingsPatchSchema, serviceSettingsProblem } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { AllowedButton } from '../../../components/allowed-button';
import { ActionError } from '../../../components/error-text';
import { FormProblems } from '../../../components/form-problems';
import { ServiceOptionFields } from '../../../components/service-option-fields';
import {
  SERVICE_OPTION_FIELDS,
  draftServiceSettings,
  type ServiceOptionsDraft,
} from '../../../components/service-options-draft';
import { useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { editServiceCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { infoQueryOptions } from '../../../lib/table/get-info';
import { useUpdateService } from '../api/update-service';
import { servicePath } from '../api/paths';

function toDraft(service: ServiceWithDestinations): ServiceOptionsDraft {
  return {
    scheduler: service.scheduler,
    schedulerFlags: service.schedulerFlags,
    persistence: String(service.persistence),
    netmask: service.netmask,
    persistenceEngine: service.persistenceEngine ?? '',
    onePacket: service.onePacket,
  };
}

interface ServiceSettingsFormProps {
  sid: string;
  service: ServiceWithDestinations;
}

/** What the form reads of the service: a new sample (numbers only) leaves all of it alone. */
const sameSettings = (before: ServiceSettingsFormProps, after: ServiceSettingsFormProps) =>
  before.sid === after.sid &&
  before.service.key === after.service.key &&
  before.service.family === after.service.family &&
  JSON.stringify(toDraft(before.service)) === JSON.stringify(toDraft(after.service));

// Memoised on the settings it edits: the page renders on every live sample, with new numbers in `service`.
export const ServiceSettingsForm = memo(function ServiceSettingsForm({
  sid,
  service,
}: ServiceSettingsFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<ServiceOptionsDraft>(() => toDraft(service));
  const { data: info } = useQuery(infoQueryOptions());
  const update = useUpdateService(sid);
  const settings = draftServiceSettings(draft, service.family);
  const check = useFormCheck(serviceSettingsPatchSchema, settings, {
    // The schema checks each field; the rules that need the service (mask family, flag owner, -o) here.
    crossCheck: () => serviceSettingsProblem(service.key, settings),
    agentError: update.error,
  });
  const set = (patch: Partial<ServiceOptionsDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.attempt()) return;
    update.mutate(settings, { onSuccess: () => check.reset() });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="settings-heading" noValidate>
      <h2 id="settings-heading">{t('settings.title')}</h2>
      <div className="form-grid">
        <ServiceOptionFields
          value={draft}
          onChange={set}
          problemOf={check.problemOf}
          schedulers={info?.schedulers ?? []}
          family={service.family}
        />
      </div>
      {check.value ? (
        <CommandPreview commands={editServiceCommand(service.key, settings)} />
      ) : (
        <p className="muted">{t('command.whenValid')}</p>
      )}
      <FormProblems problems={check.otherProblems(SERVICE_OPTION_FIELDS)} />
      {update.error && !check.agentErrorAtField(SERVICE_OPTION_FIELDS) && (
        <ActionError error={update.error} />
      )}
      <div className="row" style={{ marginTop: 8 }}>
        <AllowedButton
          request={['PATCH', servicePath(sid), settings]}
          type="submit"
          className="primary"
          disabled={update.isPending}
        >
          {t('common.save')}
        </AllowedButton>
        <button
          type="button"
          onClick={() => {
            check.reset();
            setDraft(toDraft(service));
          }}
        >
          {t('common.reset')}
        </button>
        {update.isSuccess && <span className="muted">{t('common.saved')}</span>}
      </div>
    </form>
  );
}, sameSettings);

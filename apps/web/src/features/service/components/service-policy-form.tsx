import { memo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ForwardingMethod, ServicePolicy } from '@ipvs-dashboard/shared';
import { servicePolicySchema } from '@ipvs-dashboard/shared';
import { AllowedButton } from '../../../components/allowed-button';
import { ActionError } from '../../../components/error-text';
import { FormProblems } from '../../../components/form-problems';
import { TextField } from '../../../components/text-field';
import { numberFrom, useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { servicePath } from '../api/paths';
import { policyQueryOptions, useSavePolicy } from '../api/service-policy';
import { ForwardingSelect } from './forwarding-select';

interface PolicyDraft {
  slowStartSeconds: string;
  sorryAddress: string;
  sorryPort: string;
  sorryForwarding: ForwardingMethod;
}

const FIELDS = ['slowStartSeconds', 'sorryServer.address', 'sorryServer.port', 'sorryServer.forwarding'];

function toDraft(policy: ServicePolicy, servicePort: number): PolicyDraft {
  return {
    slowStartSeconds: String(policy.slowStartSeconds ?? 0),
    sorryAddress: policy.sorryServer?.address ?? '',
    sorryPort: String(policy.sorryServer?.port ?? servicePort),
    sorryForwarding: policy.sorryServer?.forwarding ?? 'route',
  };
}

/** What the form sends: the shared schema checks it as the user types (lib/forms). No address: no sorry server. */
function fromDraft(draft: PolicyDraft): ServicePolicy {
  const seconds = draft.slowStartSeconds.trim() === '' ? 0 : numberFrom(draft.slowStartSeconds);
  return {
    ...(seconds === 0 ? {} : { slowStartSeconds: seconds }),
    ...(draft.sorryAddress.trim() === ''
      ? {}
      : {
          sorryServer: {
            address: draft.sorryAddress.trim(),
            port: numberFrom(draft.sorryPort),
            forwarding: draft.sorryForwarding as 'route' | 'masq' | 'tunnel',
          },
        }),
  };
}

/**
 * A service's slow start and sorry server (docs/api.md "Slow start and sorry server"). The fields start
 * again from what the agent answers after each save; the save itself lives here, so "Saved" outlives that.
 */
export const ServicePolicyForm = memo(function ServicePolicyForm({
  sid,
  servicePort,
}: {
  sid: string;
  servicePort: number;
}) {
  const policy = useQuery(policyQueryOptions(sid));
  const save = useSavePolicy(sid);
  if (!policy.data) return null;
  return (
    <PolicyFields
      key={JSON.stringify(policy.data)}
      sid={sid}
      policy={policy.data}
      servicePort={servicePort}
      save={save}
    />
  );
});

function PolicyFields({
  sid,
  policy,
  servicePort,
  save,
}: {
  sid: string;
  policy: ServicePolicy;
  servicePort: number;
  save: ReturnType<typeof useSavePolicy>;
}) {
  const t = useT();
  const [draft, setDraft] = useState(() => toDraft(policy, servicePort));
  const value = fromDraft(draft);
  const check = useFormCheck(servicePolicySchema, value, { agentError: save.error });
  const set = (patch: Partial<PolicyDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.attempt()) return;
    save.mutate(value, { onSuccess: () => check.reset() });
  };
  return (
    <form
      className="card"
      onSubmit={submit}
      aria-labelledby="policy-heading"
      noValidate
      data-testid="policy-form"
    >
      <h2 id="policy-heading">{t('policy.title')}</h2>
      <p className="muted">{t('policy.hint')}</p>
      <div className="form-grid">
        <TextField
          label={t('policy.slowStart')}
          hint={t('policy.slowStartHint')}
          error={check.problemOf('slowStartSeconds')}
          value={draft.slowStartSeconds}
          onChange={(slowStartSeconds) => set({ slowStartSeconds })}
          numeric
        />
        <TextField
          label={t('policy.sorryAddress')}
          hint={t('policy.sorryHint')}
          error={check.problemOf('sorryServer.address')}
          value={draft.sorryAddress}
          onChange={(sorryAddress) => set({ sorryAddress })}
        />
        <TextField
          label={t('policy.sorryPort')}
          error={check.problemOf('sorryServer.port')}
          value={draft.sorryPort}
          onChange={(sorryPort) => set({ sorryPort })}
          numeric
        />
        <ForwardingSelect
          value={draft.sorryForwarding}
          onChange={(sorryForwarding) => set({ sorryForwarding })}
        />
      </div>
      <FormProblems problems={check.otherProblems(FIELDS)} />
      {save.error && !check.agentErrorAtField(FIELDS) && <ActionError error={save.error} />}
      <div className="row" style={{ marginTop: 8 }}>
        <AllowedButton
          request={['PUT', `${servicePath(sid)}/policy`, value]}
          type="submit"
          className="primary"
          disabled={save.isPending}
        >
          {t('common.save')}
        </AllowedButton>
        {save.isSuccess && <span className="muted">{t('policy.saved')}</span>}
      </div>
    </form>
  );
}

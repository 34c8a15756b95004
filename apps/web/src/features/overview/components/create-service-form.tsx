import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AddressFamily, ServiceInput } from '@ipvs-dashboard/shared';
import { serviceId, serviceInputSchema } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { FormProblems } from '../../../components/form-problems';
import { ServiceOptionFields } from '../../../components/service-option-fields';
import {
  SERVICE_OPTION_FIELDS,
  draftServiceSettings,
  type ServiceOptionsDraft,
} from '../../../components/service-options-draft';
import { TextField } from '../../../components/text-field';
import { numberFrom, useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { addServiceCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { navigate } from '../../../lib/router/hash-router';
import { infoQueryOptions } from '../../../lib/table/get-info';
import { useCreateService } from '../api/create-service';

type Kind = 'tcp' | 'udp' | 'sctp' | 'fwmark';

interface Draft extends ServiceOptionsDraft {
  kind: Kind;
  address: string;
  port: string;
  fwmark: string;
  family: AddressFamily;
}

const empty: Draft = {
  kind: 'tcp',
  address: '',
  port: '80',
  fwmark: '1',
  family: 'inet',
  scheduler: 'wlc',
  schedulerFlags: [],
  persistence: '0',
  netmask: '',
  persistenceEngine: '',
  onePacket: false,
};

const SHOWN = ['address', 'port', 'fwmark', 'family', ...SERVICE_OPTION_FIELDS];

function familyOf(draft: Draft): AddressFamily {
  if (draft.kind === 'fwmark') return draft.family;
  return draft.address.includes(':') ? 'inet6' : 'inet';
}

/** The draft as the agent expects it; numbers typed wrong become NaN and the schema names them. */
export function draftToInput(draft: Draft): ServiceInput {
  const settings = draftServiceSettings(draft, familyOf(draft));
  if (draft.kind === 'fwmark')
    return { protocol: 'fwmark', fwmark: numberFrom(draft.fwmark), family: draft.family, ...settings };
  return { protocol: draft.kind, address: draft.address.trim(), port: numberFrom(draft.port), ...settings };
}

export function CreateServiceForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(empty);
  const { data: info } = useQuery(infoQueryOptions());
  const create = useCreateService();
  const input = draftToInput(draft);
  const check = useFormCheck(serviceInputSchema, input, { agentError: create.error });
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.attempt() || !check.value) return;
    const value = check.value;
    create.mutate(value, {
      onSuccess: () => {
        onDone();
        navigate({ screen: 'service', serviceId: serviceId(value) });
      },
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-service-heading" noValidate>
      <div className="card-header">
        <h2 id="create-service-heading">{t('create.title')}</h2>
      </div>
      <div className="form-grid">
        <label className="field">
          <span className="label">{t('create.protocol')}</span>
          <select value={draft.kind} onChange={(event) => set({ kind: event.target.value as Kind })}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="sctp">SCTP</option>
            <option value="fwmark">{t('create.fwmarkOption')}</option>
          </select>
        </label>
        {draft.kind === 'fwmark' ? (
          <>
            <TextField
              label={t('create.fwmark')}
              error={check.problemOf('fwmark')}
              value={draft.fwmark}
              onChange={(value) => set({ fwmark: value })}
              numeric
            />
            <label className="field">
              <span className="label">{t('create.family')}</span>
              <select
                value={draft.family}
                onChange={(event) => set({ family: event.target.value as AddressFamily })}
              >
                <option value="inet">IPv4</option>
                <option value="inet6">IPv6</option>
              </select>
            </label>
          </>
        ) : (
          <>
            <TextField
              label={t('create.address')}
              error={check.problemOf('address')}
              value={draft.address}
              onChange={(value) => set({ address: value })}
              placeholder="10.0.0.1"
            />
            <TextField
              label={t('create.port')}
              error={check.problemOf('port')}
              value={draft.port}
              onChange={(value) => set({ port: value })}
              numeric
            />
          </>
        )}
        <ServiceOptionFields
          value={draft}
          onChange={set}
          problemOf={check.problemOf}
          schedulers={info?.schedulers ?? ['rr', 'wrr', 'lc', 'wlc', 'sh', 'mh']}
          family={familyOf(draft)}
        />
      </div>
      {check.value ? (
        <CommandPreview commands={addServiceCommand(check.value)} />
      ) : (
        <p className="muted">{t('command.whenValid')}</p>
      )}
      <FormProblems problems={check.otherProblems(SHOWN)} />
      {create.error && !check.agentErrorAtField(SHOWN) && <ActionError error={create.error} />}
      <div className="row" style={{ marginTop: 12 }}>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('create.submit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

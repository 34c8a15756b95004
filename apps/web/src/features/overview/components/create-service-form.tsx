import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AddressFamily, ServiceInput } from '@ipvs-dashboard/shared';
import { defaultNetmask, serviceId } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { Field } from '../../../components/field';
import { TextField } from '../../../components/text-field';
import { fieldErrorText } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';
import { addServiceCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { navigate } from '../../../lib/router/hash-router';
import { infoQueryOptions } from '../../../lib/table/get-info';
import { useCreateService } from '../api/create-service';

type Kind = 'tcp' | 'udp' | 'sctp' | 'fwmark';

interface Draft {
  kind: Kind;
  address: string;
  port: string;
  fwmark: string;
  family: AddressFamily;
  scheduler: string;
  persistence: string;
}

const empty: Draft = {
  kind: 'tcp',
  address: '',
  port: '80',
  fwmark: '1',
  family: 'inet',
  scheduler: 'wlc',
  persistence: '0',
};

/** The draft as the agent expects it; numbers the user left blank become NaN and the agent names them. */
export function draftToInput(draft: Draft): ServiceInput {
  const family = draft.kind === 'fwmark' ? draft.family : draft.address.includes(':') ? 'inet6' : 'inet';
  const settings = {
    scheduler: draft.scheduler,
    schedulerFlags: [],
    persistence: Number(draft.persistence || 0),
    netmask: defaultNetmask(family),
    persistenceEngine: null,
    onePacket: false,
  };
  if (draft.kind === 'fwmark')
    return { protocol: 'fwmark', fwmark: Number(draft.fwmark), family: draft.family, ...settings };
  return { protocol: draft.kind, address: draft.address.trim(), port: Number(draft.port), ...settings };
}

export function CreateServiceForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(empty);
  const { data: info } = useQuery(infoQueryOptions());
  const create = useCreateService();
  const input = draftToInput(draft);
  const fieldError = (name: string) => fieldErrorText(create.error, name);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(input, {
      onSuccess: () => {
        onDone();
        navigate({ screen: 'service', serviceId: serviceId(input) });
      },
    });
  };

  const fieldErrorShown = ['address', 'port', 'fwmark', 'scheduler', 'persistence'].some((name) =>
    fieldError(name),
  );
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-service-heading">
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
              error={fieldError('fwmark')}
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
              error={fieldError('address')}
              value={draft.address}
              onChange={(value) => set({ address: value })}
              placeholder="10.0.0.1"
            />
            <TextField
              label={t('create.port')}
              error={fieldError('port')}
              value={draft.port}
              onChange={(value) => set({ port: value })}
              numeric
            />
          </>
        )}
        <Field label={t('settings.scheduler')} error={fieldError('scheduler')}>
          {(control) => (
            <select
              {...control}
              value={draft.scheduler}
              onChange={(event) => set({ scheduler: event.target.value })}
            >
              {(info?.schedulers ?? ['rr', 'wrr', 'lc', 'wlc', 'sh', 'mh']).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('settings.persistence')}
          error={fieldError('persistence')}
          value={draft.persistence}
          onChange={(value) => set({ persistence: value })}
          numeric
        />
      </div>
      <CommandPreview commands={addServiceCommand(input)} />
      {create.error && !fieldErrorShown && <ActionError error={create.error} />}
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

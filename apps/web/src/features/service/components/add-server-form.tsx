import { useState, type FormEvent } from 'react';
import type { DestinationInput, ForwardingMethod, ServiceKey } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { Field } from '../../../components/field';
import { ApiError } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';
import { addDestinationCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { useAddDestination } from '../api/add-destination';

interface Draft {
  address: string;
  port: string;
  weight: string;
  forwarding: ForwardingMethod;
}

export function AddServerForm({ sid, serviceKey }: { sid: string; serviceKey: ServiceKey }) {
  const t = useT();
  const defaultPort = serviceKey.protocol === 'fwmark' ? '0' : String(serviceKey.port);
  const [draft, setDraft] = useState<Draft>({
    address: '',
    port: defaultPort,
    weight: '1',
    forwarding: 'masq',
  });
  const add = useAddDestination(sid);
  const input: DestinationInput = {
    address: draft.address.trim(),
    port: Number(draft.port),
    weight: Number(draft.weight),
    forwarding: draft.forwarding,
    upperThreshold: 0,
    lowerThreshold: 0,
    tunnelType: 'ipip',
    tunnelPort: 0,
    tunnelChecksum: 'nocsum',
  };
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const fieldError = (name: string) =>
    add.error instanceof ApiError && add.error.field?.split('.').pop() === name
      ? add.error.message
      : undefined;
  const anyFieldError = ['address', 'port', 'weight'].some((name) => fieldError(name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const submitted = draft.address;
    // Clear the address for the next server, unless the user already typed another one meanwhile.
    add.mutate(input, {
      onSuccess: () =>
        setDraft((current) => (current.address === submitted ? { ...current, address: '' } : current)),
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-server-heading">
      <h2 id="add-server-heading">{t('addServer.title')}</h2>
      <div className="form-grid">
        <Field label={t('addServer.address')} error={fieldError('address')}>
          {(control) => (
            <input
              {...control}
              value={draft.address}
              placeholder="10.0.1.2"
              onChange={(event) => set({ address: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('create.port')} error={fieldError('port')}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={draft.port}
              onChange={(event) => set({ port: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('server.weight')} error={fieldError('weight')}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={draft.weight}
              onChange={(event) => set({ weight: event.target.value })}
            />
          )}
        </Field>
        <label className="field">
          <span className="label">{t('server.forwarding')}</span>
          <select
            value={draft.forwarding}
            onChange={(event) => set({ forwarding: event.target.value as ForwardingMethod })}
          >
            <option value="masq">{t('forwarding.masq')}</option>
            <option value="route">{t('forwarding.route')}</option>
            <option value="tunnel">{t('forwarding.tunnel')}</option>
          </select>
        </label>
      </div>
      <CommandPreview commands={addDestinationCommand(serviceKey, input)} />
      {add.error && !anyFieldError && <ActionError error={add.error} />}
      <div className="row" style={{ marginTop: 8 }}>
        <button type="submit" className="primary" disabled={add.isPending}>
          {t('addServer.submit')}
        </button>
      </div>
    </form>
  );
}

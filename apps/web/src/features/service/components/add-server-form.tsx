import { useState, type FormEvent } from 'react';
import type { DestinationInput, ServiceKey } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { fieldErrorText } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';
import { RealServerFields, type RealServerDraft } from './real-server-fields';
import { addDestinationCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { useAddDestination } from '../api/add-destination';

interface Draft extends RealServerDraft {
  address: string;
  port: string;
  weight: string;
}

export function AddServerForm({ sid, serviceKey }: { sid: string; serviceKey: ServiceKey }) {
  const t = useT();
  const defaultPort = serviceKey.protocol === 'fwmark' ? '0' : String(serviceKey.port);
  const [draft, setDraft] = useState<Draft>({
    address: '',
    port: defaultPort,
    weight: '1',
    upperThreshold: '0',
    lowerThreshold: '0',
    forwarding: 'masq',
    tunnelType: 'ipip',
    tunnelPort: '0',
    tunnelChecksum: 'nocsum',
  });
  const add = useAddDestination(sid);
  const input: DestinationInput = {
    address: draft.address.trim(),
    port: Number(draft.port),
    weight: Number(draft.weight),
    forwarding: draft.forwarding,
    upperThreshold: Number(draft.upperThreshold),
    lowerThreshold: Number(draft.lowerThreshold),
    // Tunnel settings go only with tunnel forwarding (the agent refuses them otherwise, as ipvsadm does).
    ...(draft.forwarding === 'tunnel'
      ? {
          tunnelType: draft.tunnelType,
          tunnelPort: draft.tunnelType === 'gue' ? Number(draft.tunnelPort) : 0,
          tunnelChecksum: draft.tunnelType === 'ipip' ? 'nocsum' : draft.tunnelChecksum,
        }
      : { tunnelType: 'ipip', tunnelPort: 0, tunnelChecksum: 'nocsum' }),
  };
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const fieldError = (name: string) => fieldErrorText(add.error, name);
  const anyFieldError = ['address', 'port', 'weight', 'upperThreshold', 'lowerThreshold', 'tunnelPort'].some(
    (name) => fieldError(name),
  );

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
        <TextField
          label={t('addServer.address')}
          error={fieldError('address')}
          value={draft.address}
          onChange={(value) => set({ address: value })}
          placeholder="10.0.1.2"
        />
        <TextField
          label={t('create.port')}
          error={fieldError('port')}
          value={draft.port}
          onChange={(value) => set({ port: value })}
          numeric
        />
        <TextField
          label={t('server.weight')}
          error={fieldError('weight')}
          value={draft.weight}
          onChange={(value) => set({ weight: value })}
          numeric
        />
        <RealServerFields value={draft} onChange={set} fieldError={fieldError} />
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

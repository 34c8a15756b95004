import { memo, useState, type FormEvent } from 'react';
import type { DestinationInput, ServiceKey } from '@ipvs-dashboard/shared';
import {
  destinationForServiceProblem,
  destinationInputSchema,
  destinationSettingsProblem,
} from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { AllowedButton } from '../../../components/allowed-button';
import { ActionError } from '../../../components/error-text';
import { FormProblems } from '../../../components/form-problems';
import { TextField } from '../../../components/text-field';
import { numberFrom, useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { addDestinationCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { useAddDestination } from '../api/add-destination';
import { servicePath } from '../api/paths';
import { draftSettings, type RealServerDraft } from './real-server-draft';
import { REAL_SERVER_FIELDS, RealServerFields } from './real-server-fields';

interface Draft extends RealServerDraft {
  address: string;
  port: string;
}

const SHOWN = ['address', 'port', 'weight', ...REAL_SERVER_FIELDS];

// Memoised: the page renders on every live sample, and nothing this form shows moves with the numbers.
export const AddServerForm = memo(function AddServerForm({
  sid,
  serviceKey,
}: {
  sid: string;
  serviceKey: ServiceKey;
}) {
  const t = useT();
  const defaultPort = serviceKey.protocol === 'fwmark' ? '0' : String(serviceKey.port);
  const [draft, setDraft] = useState<Draft>({
    address: '',
    port: defaultPort,
    weight: '1',
    upperThreshold: '0',
    lowerThreshold: '0',
    // ipvsadm -a without -g/-i/-m gatewaying (direct routing).
    forwarding: 'route',
    tunnelType: 'ipip',
    tunnelPort: '0',
    tunnelChecksum: 'nocsum',
  });
  const add = useAddDestination(sid);
  const input: DestinationInput = {
    address: draft.address.trim(),
    port: numberFrom(draft.port),
    ...draftSettings(draft),
  };
  const check = useFormCheck(destinationInputSchema, input, {
    crossCheck: (value) =>
      destinationSettingsProblem(value) ?? destinationForServiceProblem(serviceKey, value),
    agentError: add.error,
  });
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.attempt() || !check.value) return;
    const submitted = draft.address;
    // Clear the address for the next server, unless the user already typed another one meanwhile.
    add.mutate(check.value, {
      onSuccess: () => {
        check.reset();
        setDraft((current) => (current.address === submitted ? { ...current, address: '' } : current));
      },
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-server-heading" noValidate>
      <h2 id="add-server-heading">{t('addServer.title')}</h2>
      <div className="form-grid">
        <TextField
          label={t('addServer.address')}
          error={check.problemOf('address')}
          value={draft.address}
          onChange={(value) => set({ address: value })}
          placeholder="10.0.1.2"
        />
        <TextField
          label={t('create.port')}
          error={check.problemOf('port')}
          value={draft.port}
          onChange={(value) => set({ port: value })}
          numeric
        />
        <TextField
          label={t('server.weight')}
          error={check.problemOf('weight')}
          value={draft.weight}
          onChange={(value) => set({ weight: value })}
          numeric
        />
        <RealServerFields value={draft} onChange={set} problemOf={check.problemOf} />
      </div>
      {check.value ? (
        <CommandPreview commands={addDestinationCommand(serviceKey, check.value)} />
      ) : (
        <p className="muted">{t('command.whenValid')}</p>
      )}
      <FormProblems problems={check.otherProblems(SHOWN)} />
      {add.error && !check.agentErrorAtField(SHOWN) && <ActionError error={add.error} />}
      <div className="row" style={{ marginTop: 8 }}>
        <AllowedButton
          request={['POST', `${servicePath(sid)}/destinations`]}
          type="submit"
          className="primary"
          disabled={add.isPending}
        >
          {t('addServer.submit')}
        </AllowedButton>
      </div>
    </form>
  );
});

import { useEffect, useState } from 'react';
import type { Destination, DestinationInput, ServiceKey } from '@ipvs-dashboard/shared';
import { destinationId } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError, FieldError } from '../../../components/error-text';
import { fieldErrorText } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';
import { RealServerFields, type RealServerDraft } from './real-server-fields';
import { deleteDestinationCommand, editDestinationCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { SLIDER_STEPS, sliderToWeight, weightToSlider } from './weight-scale';
import { useDeleteDestination } from '../api/delete-destination';
import { useUpdateDestination } from '../api/update-destination';

interface ServerEditorProps {
  sid: string;
  serviceKey: ServiceKey;
  destination: Destination;
}

/** The form fields as typed; numbers stay text until sent so a half-typed value is not rewritten. */
interface Draft extends RealServerDraft {
  weight: string;
}

function toDraft(destination: Destination): Draft {
  return {
    weight: String(destination.weight),
    upperThreshold: String(destination.upperThreshold),
    lowerThreshold: String(destination.lowerThreshold),
    forwarding: destination.forwarding,
    tunnelType: destination.tunnelType,
    tunnelPort: String(destination.tunnelPort),
    tunnelChecksum: destination.tunnelChecksum,
  };
}

function toInput(destination: Destination, draft: Draft): DestinationInput {
  return {
    address: destination.address,
    port: destination.port,
    forwarding: draft.forwarding,
    weight: Number(draft.weight),
    upperThreshold: Number(draft.upperThreshold),
    lowerThreshold: Number(draft.lowerThreshold),
    tunnelType: draft.tunnelType,
    tunnelPort: Number(draft.tunnelPort),
    tunnelChecksum: draft.tunnelChecksum,
  };
}

export function ServerEditor({ sid, serviceKey, destination }: ServerEditorProps) {
  const t = useT();
  const did = destinationId(destination);
  const [draft, setDraft] = useState<Draft>(() => toDraft(destination));
  // Follow the live values until the user starts typing; keep what they typed (and the agent's error
  // about it) when a refused change rolls the table back.
  const [dirty, setDirty] = useState(false);
  const fresh = JSON.stringify(toDraft(destination));
  useEffect(() => {
    if (!dirty) setDraft(JSON.parse(fresh) as Draft);
  }, [fresh, dirty]);
  const update = useUpdateDestination(sid);
  const remove = useDeleteDestination(sid);
  const input = toInput(destination, draft);
  const set = (patch: Partial<Draft>) => {
    setDirty(true);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const fieldError = (name: string) => fieldErrorText(update.error, name);
  const anyFieldError = ['weight', 'upperThreshold', 'lowerThreshold', 'tunnelPort'].some((name) =>
    fieldError(name),
  );
  const idBase = `server-${did.replace(/[^a-zA-Z0-9]/g, '-')}`;

  const apply = () => {
    const { address: _a, port: _p, ...settings } = input;
    update.mutate({ did, settings }, { onSuccess: () => setDirty(false) });
  };

  return (
    <div className="server-editor">
      <div className="weight-row">
        <label htmlFor={`${idBase}-weight`}>{t('server.weight')}</label>
        <input
          id={`${idBase}-weight`}
          inputMode="numeric"
          value={draft.weight}
          aria-invalid={Boolean(fieldError('weight'))}
          aria-describedby={fieldError('weight') ? `${idBase}-weight-error` : undefined}
          onChange={(event) => set({ weight: event.target.value })}
        />
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          value={weightToSlider(Number(draft.weight) || 0)}
          aria-label={t('server.weightSlider', { server: did })}
          aria-valuetext={String(Number(draft.weight) || 0)}
          onChange={(event) => set({ weight: String(sliderToWeight(Number(event.target.value))) })}
        />
      </div>
      <FieldError id={`${idBase}-weight-error`} message={fieldError('weight')} />
      <div
        className="form-grid"
        style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', marginTop: 8 }}
      >
        <RealServerFields value={draft} onChange={set} fieldError={fieldError} />
      </div>
      <CommandPreview commands={editDestinationCommand(serviceKey, input)} />
      {update.error && !anyFieldError && <ActionError error={update.error} />}
      {remove.error && <ActionError error={remove.error} />}
      <div className="row" style={{ marginTop: 8 }}>
        <button type="button" className="primary small" onClick={apply} disabled={update.isPending}>
          {t('common.apply')}
        </button>
        <button
          type="button"
          className="small"
          onClick={() => {
            setDirty(false);
            update.reset();
          }}
        >
          {t('common.reset')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="danger small"
          title={deleteDestinationCommand(serviceKey, destination)}
          onClick={() => {
            if (
              window.confirm(
                t('server.removeConfirm', {
                  server: did,
                  command: deleteDestinationCommand(serviceKey, destination),
                }),
              )
            )
              remove.mutate(did);
          }}
        >
          {t('server.remove')}
        </button>
      </div>
    </div>
  );
}

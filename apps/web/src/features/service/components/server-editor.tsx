import { useEffect, useRef, useState } from 'react';
import type { Destination, DestinationInput, ServiceKey } from '@ipvs-dashboard/shared';
import {
  destinationForServiceProblem,
  destinationId,
  destinationInputSchema,
  destinationSettingsProblem,
} from '@ipvs-dashboard/shared';
import { AllowedButton } from '../../../components/allowed-button';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError, FieldError } from '../../../components/error-text';
import { FormProblems } from '../../../components/form-problems';
import { numberFrom, useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { drainRefusalText } from './hold-text';
import { draftSettings, type RealServerDraft } from './real-server-draft';
import { REAL_SERVER_FIELDS, RealServerFields } from './real-server-fields';
import { deleteDestinationCommand, editDestinationCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { SLIDER_STEPS, sliderToWeight, weightToSlider } from './weight-scale';
import { useDeleteDestination } from '../api/delete-destination';
import { destinationPath } from '../api/paths';
import { useUpdateDestination } from '../api/update-destination';

interface ServerEditorProps {
  sid: string;
  serviceKey: ServiceKey;
  destination: Destination;
}

/** The form fields as typed; numbers stay text until sent so a half-typed value is not rewritten. */
type Draft = RealServerDraft;

const SHOWN = ['weight', ...REAL_SERVER_FIELDS];

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
  return { address: destination.address, port: destination.port, ...draftSettings(draft) };
}

/**
 * Only the settings the user changed are sent (PATCH), so a weight edit stays a weight edit: an operator
 * token may send it, and a threshold changed meanwhile by someone else is not overwritten.
 */
function changedSettings(destination: Destination, input: DestinationInput): Partial<DestinationInput> {
  const { address: _a, port: _p, ...settings } = input;
  return Object.fromEntries(
    Object.entries(settings).filter(([field, value]) => destination[field as keyof Destination] !== value),
  );
}

/** What Apply would send; before anything changed, the least it could send (a weight) decides the role. */
function applyRequestBody(destination: Destination, input: DestinationInput): Partial<DestinationInput> {
  const changed = changedSettings(destination, input);
  return Object.keys(changed).length > 0 ? changed : { weight: destination.weight };
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
  // Counts the user's edits: an Apply's answer that arrives after more typing must not throw that away.
  const edits = useRef(0);
  const set = (patch: Partial<Draft>) => {
    edits.current += 1;
    setDirty(true);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const check = useFormCheck(destinationInputSchema, input, {
    crossCheck: (value) =>
      destinationSettingsProblem(value) ?? destinationForServiceProblem(serviceKey, value),
    agentError: update.error,
  });
  const fieldError = check.problemOf;
  const idBase = `server-${did.replace(/[^a-zA-Z0-9]/g, '-')}`;

  const apply = () => {
    if (!check.attempt() || !check.value) return;
    const settings = changedSettings(destination, check.value);
    if (Object.keys(settings).length === 0) {
      check.reset();
      setDirty(false);
      return;
    }
    const editsAtApply = edits.current;
    update.mutate(
      { did, settings },
      {
        onSuccess: () => {
          if (edits.current !== editsAtApply) return;
          check.reset();
          setDirty(false);
        },
      },
    );
  };

  // The agent refuses a weight edit while a drain runs (HELD_BY_DRAIN); the other settings stay editable.
  const drainRefusal = drainRefusalText(destination, t);
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
          disabled={drainRefusal !== null}
          title={drainRefusal ?? undefined}
          onChange={(event) => set({ weight: event.target.value })}
        />
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          value={weightToSlider(numberFrom(draft.weight) || 0)}
          aria-label={t('server.weightSlider', { server: did })}
          aria-valuetext={String(numberFrom(draft.weight) || 0)}
          disabled={drainRefusal !== null}
          title={drainRefusal ?? undefined}
          onChange={(event) => set({ weight: String(sliderToWeight(Number(event.target.value))) })}
        />
      </div>
      <FieldError id={`${idBase}-weight-error`} message={fieldError('weight')} />
      <div
        className="form-grid"
        style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', marginTop: 8 }}
      >
        <RealServerFields value={draft} onChange={set} problemOf={check.problemOf} />
      </div>
      {check.value ? (
        <CommandPreview commands={editDestinationCommand(serviceKey, check.value)} />
      ) : (
        <p className="muted">{t('command.whenValid')}</p>
      )}
      <FormProblems problems={check.otherProblems(SHOWN)} />
      {update.error && !check.agentErrorAtField(SHOWN) && <ActionError error={update.error} />}
      {remove.error && <ActionError error={remove.error} />}
      <div className="row" style={{ marginTop: 8 }}>
        <AllowedButton
          request={['PATCH', destinationPath(sid, did), applyRequestBody(destination, input)]}
          className="primary small"
          onClick={apply}
          disabled={update.isPending}
        >
          {t('common.apply')}
        </AllowedButton>
        <button
          type="button"
          className="small"
          onClick={() => {
            setDirty(false);
            check.reset();
            update.reset();
          }}
        >
          {t('common.reset')}
        </button>
        <span className="spacer" />
        <AllowedButton
          request={['DELETE', destinationPath(sid, did)]}
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
        </AllowedButton>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  destinationId,
  drainCommands,
  drainRequestSchema,
  drainWarning,
  EXPIRE_QUIESCENT_TEMPLATE,
  EXPIRE_QUIESCENT_TEMPLATE_FIX,
  type Destination,
  type DrainThen,
  type ServiceKey,
} from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError, FieldError } from '../../../components/error-text';
import { numberFrom, useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { kernelSettingsQueryOptions } from '../../../lib/table/get-kernel-settings';
import { useStartDrain } from '../api/drain-destination';

interface DrainFormProps {
  sid: string;
  serviceKey: ServiceKey;
  persistence: number;
  destination: Destination;
}

/**
 * Starts a drain to completion: what happens at its end (remove / keep out) and the deadline, the ipvsadm
 * commands it runs, and, before anything starts, the warning when returning clients can keep it alive
 * (shared drain-warning.ts, the rule the agent's dry run answers with). Starting anyway is allowed.
 */
export function DrainForm({ sid, serviceKey, persistence, destination }: DrainFormProps) {
  const t = useT();
  const did = destinationId(destination);
  const idBase = `drain-${did.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const [then, setThen] = useState<DrainThen>('remove');
  const [deadline, setDeadline] = useState('600');
  const start = useStartDrain(sid);
  const settings = useQuery(kernelSettingsQueryOptions());
  const expire = settings.data?.find((s) => s.name === EXPIRE_QUIESCENT_TEMPLATE)?.value;
  const warned = expire !== undefined && drainWarning(persistence, expire) !== null;
  const check = useFormCheck(
    drainRequestSchema,
    { then, deadlineSeconds: numberFrom(deadline) },
    { agentError: start.error },
  );
  const submit = () => {
    if (!check.attempt() || !check.value) return;
    start.mutate({ did, request: check.value });
  };
  return (
    <div className="drain-form">
      <p className="muted">{t('drain.explain')}</p>
      <div className="form-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))' }}>
        <label>
          {t('drain.then')}
          <select value={then} onChange={(event) => setThen(event.target.value as DrainThen)}>
            <option value="remove">{t('drain.then.remove')}</option>
            <option value="keep">{t('drain.then.keep')}</option>
          </select>
        </label>
        <label htmlFor={`${idBase}-deadline`}>
          {t('drain.deadline')}
          <input
            id={`${idBase}-deadline`}
            inputMode="decimal"
            value={deadline}
            aria-invalid={Boolean(check.problemOf('deadlineSeconds'))}
            onChange={(event) => setDeadline(event.target.value)}
          />
        </label>
      </div>
      <FieldError id={`${idBase}-deadline-error`} message={check.problemOf('deadlineSeconds')} />
      {warned && (
        <div className="notice" role="alert" data-testid="drain-warning">
          <div style={{ flex: 1 }}>
            <strong>{t('drain.warning.title')}</strong> {t('drain.warning.body', { seconds: persistence })}
            <CommandPreview commands={EXPIRE_QUIESCENT_TEMPLATE_FIX} />
          </div>
        </div>
      )}
      <CommandPreview commands={drainCommands(serviceKey, destination, then === 'remove')} />
      <ActionError error={start.error} />
      <button type="button" className="primary" disabled={start.isPending} onClick={submit}>
        {warned ? t('drain.startAnyway') : t('drain.start')}
      </button>
    </div>
  );
}

/** The card's "Drain" disclosure; the form (and its read of the kernel settings) exists only while open. */
export function DrainAction(props: DrainFormProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="drain-action" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('drain.action')}</summary>
      {open && <DrainForm {...props} />}
    </details>
  );
}

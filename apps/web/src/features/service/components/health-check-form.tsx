import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  formatCheckLines,
  healthCheckSchema,
  type HealthCheck,
  type HealthCheckKind,
  type ServiceWithDestinations,
} from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { AllowedButton } from '../../../components/allowed-button';
import { Field } from '../../../components/field';
import { FormProblems } from '../../../components/form-problems';
import { TextField } from '../../../components/text-field';
import { useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { serviceCheckQueryOptions, useSaveServiceCheck } from '../api/service-check';
import { servicePath } from '../api/paths';
import { CHECK_FIELDS, checkDraftOf, checkFromDraft, isHttpKind, type CheckDraft } from './check-draft';

const kinds: HealthCheckKind[] = ['tcp', 'http', 'https', 'command'];

/** "3 up, 1 down": what the service's real servers' checks say now. */
function HealthSummary({ service }: { service: ServiceWithDestinations }) {
  const t = useT();
  const counts = { up: 0, down: 0, unknown: 0 };
  for (const destination of service.destinations) {
    const state = destination.health?.state;
    if (state === 'up' || state === 'down' || state === 'unknown') counts[state] += 1;
  }
  return (
    <p className="muted" data-testid="check-summary">
      {t('check.summary', counts)}
    </p>
  );
}

/**
 * The service's health check (keepalived's TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK): every real server of
 * the service is checked; one that fails `fall` times in a row is held out (weight 0) until it passes
 * `rise` times. The export line shown is what GET /config carries, so the check travels with the table.
 */
export function HealthCheckForm({ sid, service }: { sid: string; service: ServiceWithDestinations }) {
  const stored = useQuery(serviceCheckQueryOptions(sid));
  if (stored.isPending) return null;
  return (
    <CheckEditor
      key={JSON.stringify(stored.data ?? null)}
      sid={sid}
      service={service}
      current={stored.data ?? null}
      loadError={stored.error}
    />
  );
}

function CheckEditor({
  sid,
  service,
  current,
  loadError,
}: {
  sid: string;
  service: ServiceWithDestinations;
  current: HealthCheck | null;
  loadError: unknown;
}) {
  const t = useT();
  const [draft, setDraft] = useState<CheckDraft>(() => checkDraftOf(current));
  const save = useSaveServiceCheck(sid);
  const candidate = checkFromDraft(draft);
  const check = useFormCheck(healthCheckSchema, candidate, { agentError: save.error });
  const set = (patch: Partial<CheckDraft>) => setDraft((now) => ({ ...now, ...patch }));
  const http = isHttpKind(draft.kind);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.attempt() || !check.value) return;
    save.mutate(check.value, { onSuccess: () => check.reset() });
  };
  const remove = () => {
    if (window.confirm(t('check.removeConfirm'))) save.mutate(null);
  };

  return (
    <form
      className="card"
      onSubmit={submit}
      aria-labelledby="check-heading"
      noValidate
      data-testid="check-form"
    >
      <h2 id="check-heading">{t('check.title')}</h2>
      {current ? <HealthSummary service={service} /> : <p className="muted">{t('check.none')}</p>}
      <div className="form-grid">
        <Field label={t('check.kind')} error={check.problemOf('kind')}>
          {(control) => (
            <select
              {...control}
              value={draft.kind}
              onChange={(event) => set({ kind: event.target.value as HealthCheckKind })}
            >
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`check.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('check.port')}
          error={check.problemOf('port')}
          value={draft.port}
          placeholder={t('check.portDefault')}
          onChange={(port) => set({ port })}
          numeric
        />
        <TextField
          label={t('check.interval')}
          error={check.problemOf('intervalSeconds')}
          value={draft.intervalSeconds}
          onChange={(intervalSeconds) => set({ intervalSeconds })}
          numeric
        />
        <TextField
          label={t('check.timeout')}
          error={check.problemOf('timeoutSeconds')}
          value={draft.timeoutSeconds}
          onChange={(timeoutSeconds) => set({ timeoutSeconds })}
          numeric
        />
        <TextField
          label={t('check.rise')}
          error={check.problemOf('rise')}
          value={draft.rise}
          onChange={(rise) => set({ rise })}
          hint={t('check.riseHint')}
          numeric
        />
        <TextField
          label={t('check.fall')}
          error={check.problemOf('fall')}
          value={draft.fall}
          onChange={(fall) => set({ fall })}
          hint={t('check.fallHint')}
          numeric
        />
        {http && (
          <>
            <TextField
              label={t('check.path')}
              error={check.problemOf('path')}
              value={draft.path}
              onChange={(path) => set({ path })}
            />
            <TextField
              label={t('check.expectStatus')}
              error={check.problemOf('expectStatus')}
              value={draft.expectStatus}
              onChange={(expectStatus) => set({ expectStatus })}
              hint={t('check.expectStatusHint')}
            />
            <TextField
              label={t('check.bodyContains')}
              error={check.problemOf('bodyContains')}
              value={draft.bodyContains}
              onChange={(bodyContains) => set({ bodyContains })}
            />
            <TextField
              label={t('check.host')}
              error={check.problemOf('host')}
              value={draft.host}
              placeholder={t('check.hostDefault')}
              onChange={(host) => set({ host })}
            />
          </>
        )}
        {draft.kind === 'https' && (
          <div className="field">
            <label className="check" style={{ alignSelf: 'end' }}>
              <input
                type="checkbox"
                checked={draft.verifyTls}
                onChange={(event) => set({ verifyTls: event.target.checked })}
              />
              {t('check.verifyTls')}
            </label>
          </div>
        )}
        {draft.kind === 'command' && (
          <TextField
            label={t('check.command')}
            error={check.problemOf('command')}
            value={draft.command}
            onChange={(command) => set({ command })}
            hint={t('check.commandHint')}
          />
        )}
      </div>
      {check.value && (
        <div className="command-preview">
          <div className="command-label">{t('check.exportLine')}</div>
          <pre className="command">
            {formatCheckLines([{ service: sid, destination: null, check: check.value }])}
          </pre>
        </div>
      )}
      <FormProblems problems={check.otherProblems(CHECK_FIELDS)} />
      {save.error && !check.agentErrorAtField(CHECK_FIELDS) && <ActionError error={save.error} />}
      <ActionError error={loadError} />
      <div className="row" style={{ marginTop: 8 }}>
        <AllowedButton
          request={['PUT', `${servicePath(sid)}/check`]}
          type="submit"
          className="primary"
          disabled={save.isPending}
        >
          {current ? t('common.save') : t('check.add')}
        </AllowedButton>
        {current && (
          <AllowedButton
            request={['DELETE', `${servicePath(sid)}/check`]}
            className="danger"
            onClick={remove}
            disabled={save.isPending}
          >
            {t('check.remove')}
          </AllowedButton>
        )}
        {save.isSuccess && <span className="muted">{t('common.saved')}</span>}
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SchedulerFlag, ServiceSettings, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { Field } from '../../../components/field';
import { TextField } from '../../../components/text-field';
import { fieldErrorText } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';
import { editServiceCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { infoQueryOptions } from '../../../lib/table/get-info';
import { useUpdateService } from '../api/update-service';
import { carryFlags, flagsFor } from './scheduler-flags';

interface Draft {
  scheduler: string;
  schedulerFlags: SchedulerFlag[];
  persistence: string;
  netmask: string;
  persistenceEngine: string;
  onePacket: boolean;
}

function toDraft(service: ServiceWithDestinations): Draft {
  return {
    scheduler: service.scheduler,
    schedulerFlags: service.schedulerFlags,
    persistence: String(service.persistence),
    netmask: service.netmask,
    persistenceEngine: service.persistenceEngine ?? '',
    onePacket: service.onePacket,
  };
}

function toSettings(draft: Draft): ServiceSettings {
  return {
    scheduler: draft.scheduler,
    schedulerFlags: draft.schedulerFlags,
    persistence: Number(draft.persistence),
    netmask: draft.netmask.trim(),
    persistenceEngine: draft.persistenceEngine || null,
    onePacket: draft.onePacket,
  };
}

export function ServiceSettingsForm({ sid, service }: { sid: string; service: ServiceWithDestinations }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(service));
  const { data: info } = useQuery(infoQueryOptions());
  const update = useUpdateService(sid);
  const settings = toSettings(draft);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const fieldError = (name: string) => fieldErrorText(update.error, name);
  const anyFieldError = ['scheduler', 'persistence', 'netmask', 'persistenceEngine', 'schedulerFlags'].some(
    (n) => fieldError(n),
  );
  const schedulers = info?.schedulers.includes(draft.scheduler)
    ? info.schedulers
    : [...(info?.schedulers ?? []), draft.scheduler];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(settings);
  };
  const toggleFlag = (flag: SchedulerFlag, on: boolean) =>
    set({
      schedulerFlags: on ? [...draft.schedulerFlags, flag] : draft.schedulerFlags.filter((f) => f !== flag),
    });

  return (
    <form className="card" onSubmit={submit} aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.title')}</h2>
      <div className="form-grid">
        <Field label={t('settings.scheduler')} error={fieldError('scheduler')}>
          {(control) => (
            <select
              {...control}
              value={draft.scheduler}
              onChange={(event) =>
                set({
                  scheduler: event.target.value,
                  schedulerFlags: carryFlags(draft.schedulerFlags, event.target.value),
                })
              }
            >
              {schedulers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field" style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend className="label">{t('settings.flags')}</legend>
          {flagsFor(draft.scheduler).map((flag) => (
            <label key={flag} className="check">
              <input
                type="checkbox"
                checked={draft.schedulerFlags.includes(flag)}
                onChange={(event) => toggleFlag(flag, event.target.checked)}
              />
              {flag.startsWith('flag-') ? t('settings.flagNumbered', { n: flag.slice(5) }) : flag}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('settings.persistence')}
          error={fieldError('persistence')}
          value={draft.persistence}
          onChange={(value) => set({ persistence: value })}
          numeric
        />
        <TextField
          label={t('settings.netmask')}
          error={fieldError('netmask')}
          value={draft.netmask}
          onChange={(value) => set({ netmask: value })}
        />
        <Field label={t('settings.engine')} error={fieldError('persistenceEngine')}>
          {(control) => (
            <select
              {...control}
              value={draft.persistenceEngine}
              onChange={(event) => set({ persistenceEngine: event.target.value })}
            >
              <option value="">{t('settings.engineNone')}</option>
              <option value="sip">sip</option>
            </select>
          )}
        </Field>
        <label className="check" style={{ alignSelf: 'end' }}>
          <input
            type="checkbox"
            checked={draft.onePacket}
            onChange={(event) => set({ onePacket: event.target.checked })}
          />
          {t('settings.onePacket')}
        </label>
      </div>
      <CommandPreview commands={editServiceCommand(service.key, settings)} />
      {update.error && !anyFieldError && <ActionError error={update.error} />}
      <div className="row" style={{ marginTop: 8 }}>
        <button type="submit" className="primary" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" onClick={() => setDraft(toDraft(service))}>
          {t('common.reset')}
        </button>
        {update.isSuccess && <span className="muted">{t('common.saved')}</span>}
      </div>
    </form>
  );
}

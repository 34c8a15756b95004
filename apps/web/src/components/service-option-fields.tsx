import { useQuery } from '@tanstack/react-query';
import type { AddressFamily, SchedulerFlag } from '@ipvs-dashboard/shared';
import { defaultNetmask } from '@ipvs-dashboard/shared';
import { useT } from '../lib/i18n/i18n-context';
import { kernelLacks } from '../lib/table/kernel-capabilities';
import { infoQueryOptions } from '../lib/table/get-info';
import { carryFlags, flagsFor } from '../lib/table/scheduler-flags';
import { Field } from './field';
import type { ServiceOptionsDraft } from './service-options-draft';
import { TextField } from './text-field';

/**
 * Every option of ipvsadm -A and -E: -s scheduler, -b flags, -p persistence, -M netmask, --pe engine and
 * -o one-packet, for the create form and the settings form alike.
 */
export function ServiceOptionFields({
  value,
  onChange,
  problemOf,
  schedulers,
  family,
}: {
  value: ServiceOptionsDraft;
  onChange: (patch: Partial<ServiceOptionsDraft>) => void;
  problemOf: (field: string) => string | undefined;
  /** The schedulers this kernel has (GET /info); the current one is offered even when it is not listed. */
  schedulers: readonly string[];
  family: AddressFamily;
}) {
  const t = useT();
  const { data: info } = useQuery(infoQueryOptions());
  const offered = schedulers.includes(value.scheduler) ? schedulers : [...schedulers, value.scheduler];
  const toggleFlag = (flag: SchedulerFlag, on: boolean) =>
    onChange({
      schedulerFlags: on ? [...value.schedulerFlags, flag] : value.schedulerFlags.filter((f) => f !== flag),
    });
  return (
    <>
      <Field label={t('settings.scheduler')} error={problemOf('scheduler')}>
        {(control) => (
          <select
            {...control}
            value={value.scheduler}
            onChange={(event) =>
              onChange({
                scheduler: event.target.value,
                schedulerFlags: carryFlags(value.schedulerFlags, event.target.value),
              })
            }
          >
            {offered.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field" style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className="label">{t('settings.flags')}</legend>
        {flagsFor(value.scheduler).map((flag) => (
          <label key={flag} className="check">
            <input
              type="checkbox"
              checked={value.schedulerFlags.includes(flag)}
              onChange={(event) => toggleFlag(flag, event.target.checked)}
            />
            {flag.startsWith('flag-') ? t('settings.flagNumbered', { n: flag.slice(5) }) : flag}
          </label>
        ))}
        {problemOf('schedulerFlags') && (
          <span className="field-error" role="alert">
            {problemOf('schedulerFlags')}
          </span>
        )}
      </fieldset>
      <TextField
        label={t('settings.persistence')}
        error={problemOf('persistence')}
        value={value.persistence}
        onChange={(persistence) => onChange({ persistence })}
        numeric
      />
      <TextField
        label={t('settings.netmask')}
        error={problemOf('netmask')}
        value={value.netmask}
        placeholder={defaultNetmask(family)}
        onChange={(netmask) => onChange({ netmask })}
      />
      <Field label={t('settings.engine')} error={problemOf('persistenceEngine')}>
        {(control) => (
          <select
            {...control}
            value={value.persistenceEngine}
            onChange={(event) => onChange({ persistenceEngine: event.target.value })}
          >
            <option value="">{t('settings.engineNone')}</option>
            {/* The agent refuses an engine this kernel has no module for; say so before it is chosen. */}
            <option
              value="sip"
              disabled={value.persistenceEngine !== 'sip' && kernelLacks(info, 'persistenceEngines', 'sip')}
            >
              {kernelLacks(info, 'persistenceEngines', 'sip') ? `sip ${t('kernel.lacks')}` : 'sip'}
            </option>
          </select>
        )}
      </Field>
      <div className="field">
        <label className="check" style={{ alignSelf: 'end' }}>
          <input
            type="checkbox"
            checked={value.onePacket}
            onChange={(event) => onChange({ onePacket: event.target.checked })}
          />
          {t('settings.onePacket')}
        </label>
        {problemOf('onePacket') && (
          <span className="field-error" role="alert">
            {problemOf('onePacket')}
          </span>
        )}
      </div>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { AllowedButton } from '../../../components/allowed-button';
import { useQuery } from '@tanstack/react-query';
import type { Timeouts } from '@ipvs-dashboard/shared';
import { timeoutsSchema } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { numberFrom, useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { timeoutsCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { timeoutsQueryOptions, useSetTimeouts } from '../api/timeouts';

function TimeoutsForm({ current }: { current: Timeouts }) {
  const t = useT();
  const [draft, setDraft] = useState({
    tcp: String(current.tcp),
    tcpFin: String(current.tcpFin),
    udp: String(current.udp),
  });
  const save = useSetTimeouts();
  const timeouts: Timeouts = {
    tcp: numberFrom(draft.tcp),
    tcpFin: numberFrom(draft.tcpFin),
    udp: numberFrom(draft.udp),
  };
  const check = useFormCheck(timeoutsSchema, timeouts, { agentError: save.error });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.attempt()) return;
    save.mutate(timeouts, { onSuccess: () => check.reset() });
  };
  const field = (name: keyof Timeouts, label: 'timeouts.tcp' | 'timeouts.tcpFin' | 'timeouts.udp') => (
    <TextField
      label={t(label)}
      error={check.problemOf(name)}
      value={draft[name]}
      onChange={(value) => setDraft({ ...draft, [name]: value })}
      numeric
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        {field('tcp', 'timeouts.tcp')}
        {field('tcpFin', 'timeouts.tcpFin')}
        {field('udp', 'timeouts.udp')}
      </div>
      <p className="muted">{t('timeouts.hint')}</p>
      {check.value ? (
        <CommandPreview commands={timeoutsCommand(timeouts)} />
      ) : (
        <p className="muted">{t('command.whenValid')}</p>
      )}
      {!check.agentErrorAtField(['tcp', 'tcpFin', 'udp']) && <ActionError error={save.error} />}
      <div className="row" style={{ marginTop: 8 }}>
        <AllowedButton
          request={['PUT', '/timeouts']}
          type="submit"
          className="primary"
          disabled={save.isPending}
        >
          {t('common.save')}
        </AllowedButton>
        {save.isSuccess && <span className="muted">{t('common.saved')}</span>}
      </div>
    </form>
  );
}

export function TimeoutsCard() {
  const t = useT();
  const timeouts = useQuery(timeoutsQueryOptions());
  return (
    <section className="card" aria-labelledby="timeouts-heading">
      <h2 id="timeouts-heading">{t('timeouts.title')}</h2>
      <ActionError error={timeouts.error} />
      {timeouts.data && <TimeoutsForm key={JSON.stringify(timeouts.data)} current={timeouts.data} />}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Timeouts } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
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
  const timeouts: Timeouts = { tcp: Number(draft.tcp), tcpFin: Number(draft.tcpFin), udp: Number(draft.udp) };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(timeouts);
  };
  const field = (name: keyof Timeouts, label: 'timeouts.tcp' | 'timeouts.tcpFin' | 'timeouts.udp') => (
    <label className="field">
      <span className="label">{t(label)}</span>
      <input
        inputMode="numeric"
        value={draft[name]}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
    </label>
  );
  return (
    <form onSubmit={submit}>
      <div className="form-grid">
        {field('tcp', 'timeouts.tcp')}
        {field('tcpFin', 'timeouts.tcpFin')}
        {field('udp', 'timeouts.udp')}
      </div>
      <p className="muted">{t('timeouts.hint')}</p>
      <CommandPreview commands={timeoutsCommand(timeouts)} />
      <ActionError error={save.error} />
      <div className="row" style={{ marginTop: 8 }}>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
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

import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SyncDaemonInput, SyncDaemonState } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { startDaemonCommand, stopDaemonCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { daemonsQueryOptions, useStartDaemon, useStopDaemon } from '../api/daemons';

/** Connection synchronisation daemons (ipvsadm --start-daemon / --stop-daemon). */
export function DaemonsCard() {
  const t = useT();
  const daemons = useQuery(daemonsQueryOptions());
  const start = useStartDaemon();
  const stop = useStopDaemon();
  const [draft, setDraft] = useState({ state: 'master' as SyncDaemonState, interface: 'eth0', syncId: '0' });
  const input: SyncDaemonInput = {
    state: draft.state,
    interface: draft.interface.trim(),
    syncId: Number(draft.syncId),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="daemons-heading">
      <h2 id="daemons-heading">{t('daemons.title')}</h2>
      <ActionError error={daemons.error} />
      {daemons.data?.length === 0 && <p className="muted">{t('daemons.none')}</p>}
      <ul>
        {daemons.data?.map((daemon) => (
          <li key={daemon.state} className="row">
            <b>{daemon.state}</b>
            <span className="mono">
              {daemon.interface} syncid {daemon.syncId}
            </span>
            <button
              type="button"
              className="small danger"
              title={stopDaemonCommand(daemon.state)}
              onClick={() => stop.mutate(daemon.state)}
            >
              {t('daemons.stop')}
            </button>
          </li>
        ))}
      </ul>
      <ActionError error={stop.error} />
      <form onSubmit={submit}>
        <div className="form-grid">
          <label className="field">
            <span className="label">{t('daemons.state')}</span>
            <select
              value={draft.state}
              onChange={(event) => setDraft({ ...draft, state: event.target.value as SyncDaemonState })}
            >
              <option value="master">master</option>
              <option value="backup">backup</option>
            </select>
          </label>
          <label className="field">
            <span className="label">{t('daemons.interface')}</span>
            <input
              value={draft.interface}
              onChange={(event) => setDraft({ ...draft, interface: event.target.value })}
            />
          </label>
          <label className="field">
            <span className="label">{t('daemons.syncId')}</span>
            <input
              inputMode="numeric"
              value={draft.syncId}
              onChange={(event) => setDraft({ ...draft, syncId: event.target.value })}
            />
          </label>
        </div>
        <CommandPreview commands={startDaemonCommand(input)} />
        <ActionError error={start.error} />
        <button type="submit" style={{ marginTop: 8 }} disabled={start.isPending}>
          {t('daemons.start')}
        </button>
      </form>
    </section>
  );
}

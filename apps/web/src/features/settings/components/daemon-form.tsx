import { useState, type FormEvent } from 'react';
import { AllowedButton } from '../../../components/allowed-button';
import { syncDaemonInputSchema, type SyncDaemonInput, type SyncDaemonState } from '@ipvs-dashboard/shared';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { numberFrom, useFormCheck } from '../../../lib/forms/use-form-check';
import { useT } from '../../../lib/i18n/i18n-context';
import { startDaemonCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { useStartDaemon } from '../api/daemons';

type TextName = 'interface' | 'syncId' | 'maxLen' | 'group' | 'port' | 'ttl';
type Draft = { state: SyncDaemonState } & Record<TextName, string>;

const textNames: readonly TextName[] = ['interface', 'syncId', 'maxLen', 'group', 'port', 'ttl'];
const blank: Draft = {
  state: 'master',
  interface: 'eth0',
  syncId: '0',
  maxLen: '',
  group: '',
  port: '',
  ttl: '',
};

/** A number typed as text; empty means "not given" (the kernel's default); anything not a number is NaN. */
const optionalNumber = (text: string) => (text.trim() === '' ? undefined : numberFrom(text));

/** The request the draft makes: only the options typed in, so the command shows exactly what is sent. */
export function daemonInputOf(draft: Draft): SyncDaemonInput {
  const optional = {
    syncId: optionalNumber(draft.syncId),
    maxLen: optionalNumber(draft.maxLen),
    group: draft.group.trim() || undefined,
    port: optionalNumber(draft.port),
    ttl: optionalNumber(draft.ttl),
  };
  return {
    state: draft.state,
    interface: draft.interface.trim(),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

/** Start a sync daemon (ipvsadm --start-daemon) with any of its multicast options. */
export function DaemonForm() {
  const t = useT();
  const start = useStartDaemon();
  const [draft, setDraft] = useState<Draft>(blank);
  const input = daemonInputOf(draft);
  const check = useFormCheck(syncDaemonInputSchema, input, { agentError: start.error });
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const text = (name: TextName, placeholder?: string) => (
    <TextField
      label={t(`daemons.${name}`)}
      error={check.problemOf(name)}
      value={draft[name]}
      onChange={(value) => set({ [name]: value })}
      numeric={name !== 'interface' && name !== 'group'}
      {...(placeholder === undefined ? {} : { placeholder })}
    />
  );
  // An error about one field is shown under it; anything else (no such interface, already running) below.
  const aboutAField = check.agentErrorAtField(textNames);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check.attempt() && check.value) start.mutate(check.value);
  };
  return (
    <form onSubmit={submit}>
      <div className="form-grid">
        <label className="field">
          <span className="label">{t('daemons.state')}</span>
          <select
            value={draft.state}
            onChange={(event) => set({ state: event.target.value as SyncDaemonState })}
          >
            <option value="master">master</option>
            <option value="backup">backup</option>
          </select>
        </label>
        {text('interface')}
        {text('syncId', '0')}
        {/* The kernel's defaults (ip_vs_sync.c): 224.0.0.81:8848, ttl 1, maxlen from the interface MTU. */}
        {text('maxLen', t('daemons.fromMtu'))}
        {text('group', '224.0.0.81')}
        {text('port', '8848')}
        {text('ttl', '1')}
      </div>
      <p className="muted">{t('daemons.defaults')}</p>
      {/* Only values that validate make a command: never "--mcast-port NaN". */}
      {check.value && <CommandPreview commands={startDaemonCommand(check.value)} />}
      <ActionError error={aboutAField ? null : start.error} />
      <AllowedButton
        request={['POST', '/daemons']}
        type="submit"
        style={{ marginTop: 8 }}
        disabled={start.isPending}
      >
        {t('daemons.start')}
      </AllowedButton>
    </form>
  );
}

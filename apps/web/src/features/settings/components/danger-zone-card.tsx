import { useState } from 'react';
import { AllowedButton } from '../../../components/allowed-button';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { clearCommand, zeroCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { useClearTable, useZeroAll } from '../api/table-actions';

const CONFIRM_WORD = 'clear';

/** Zero all counters; clear the whole table only after the user types the word. */
export function DangerZoneCard() {
  const t = useT();
  const zero = useZeroAll();
  const clear = useClearTable();
  const [typed, setTyped] = useState('');
  return (
    <section className="card" aria-labelledby="danger-heading">
      <h2 id="danger-heading">{t('danger.title')}</h2>
      <div className="row">
        <div style={{ flex: 1 }}>
          <b>{t('danger.zero')}</b>
          <div className="muted">{t('danger.zeroHint')}</div>
          <CommandPreview commands={zeroCommand()} />
        </div>
        <AllowedButton
          request={['POST', '/zero']}
          onClick={() => {
            if (window.confirm(t('danger.zeroConfirm', { command: zeroCommand() }))) zero.mutate();
          }}
          disabled={zero.isPending}
        >
          {t('danger.zero')}
        </AllowedButton>
      </div>
      <ActionError error={zero.error} />
      {zero.isSuccess && <p className="muted">{t('danger.zeroed')}</p>}
      <hr style={{ border: 'none', borderTop: '1px solid var(--border)', margin: '16px 0' }} />
      <div className="row">
        <div style={{ flex: 1 }}>
          <b>{t('danger.clear')}</b>
          <div className="muted">{t('danger.clearHint', { word: CONFIRM_WORD })}</div>
          <CommandPreview commands={clearCommand} />
        </div>
        <label className="field">
          <span className="label">{t('danger.typeToConfirm', { word: CONFIRM_WORD })}</span>
          <input value={typed} onChange={(event) => setTyped(event.target.value)} />
        </label>
        <AllowedButton
          request={['POST', '/clear']}
          className="danger"
          disabled={typed !== CONFIRM_WORD || clear.isPending}
          onClick={() => clear.mutate(undefined, { onSuccess: () => setTyped('') })}
        >
          {t('danger.clear')}
        </AllowedButton>
      </div>
      <ActionError error={clear.error} />
    </section>
  );
}

import { useState } from 'react';
import { AllowedButton } from './allowed-button';
import { useQuery } from '@tanstack/react-query';
import { useRecoverChange, type Recovery } from '../lib/changes/recover-change';
import { formatDateTime } from '../lib/format/format-date-time';
import { useT } from '../lib/i18n/i18n-context';
import { infoQueryOptions } from '../lib/table/get-info';
import { ActionError } from './error-text';
import './change-feedback.css';

// The agent was killed in the middle of a change (GET /info's interruptedChange): say so on every page
// and offer both ways out, each confirmed first, then say how it ended.
export function InterruptedChangeBanner() {
  const t = useT();
  const { data: info } = useQuery(infoQueryOptions());
  const recover = useRecoverChange();
  // Which way out the user picked, for which change: a second interrupted change starts unasked.
  const [choice, setChoice] = useState<{ id: string; recovery: Recovery } | null>(null);
  const interrupted = info?.interruptedChange ?? null;
  const asked = choice && choice.id === interrupted?.id ? choice.recovery : null;

  if (recover.isSuccess) {
    const { variables, data } = recover;
    return (
      <div className="notice notice-ok" role="status" data-testid="interrupted-result">
        <div style={{ flex: 1 }}>
          {t(variables.recovery === 'rollback' ? 'interrupted.rolledBack' : 'interrupted.resumed', {
            summary: data.summary,
          })}
        </div>
        <button type="button" className="small" onClick={() => recover.reset()}>
          {t('notice.dismiss')}
        </button>
      </div>
    );
  }
  if (!interrupted) return null;
  const act = (recovery: Recovery) =>
    recover.mutate({ id: interrupted.id, recovery }, { onSettled: () => setChoice(null) });
  const ask = (recovery: Recovery | null) => setChoice(recovery && { id: interrupted.id, recovery });
  return (
    <section className="notice notice-danger" role="alert" data-testid="interrupted-change">
      <div style={{ flex: 1 }}>
        <strong>{t('interrupted.title')}</strong>{' '}
        {t('interrupted.body', {
          summary: interrupted.summary,
          when: formatDateTime(interrupted.startedAt),
          applied: interrupted.applied,
          total: interrupted.total,
        })}
        {asked && (
          <p className="interrupted-confirm">
            {asked === 'rollback'
              ? t('interrupted.confirmRollback', { count: interrupted.services.length })
              : t('interrupted.confirmResume')}
          </p>
        )}
        <ActionError error={recover.error} />
      </div>
      <div className="row">
        {asked === null ? (
          <>
            <AllowedButton
              request={['POST', `/changes/${encodeURIComponent(interrupted.id)}/rollback`]}
              onClick={() => ask('rollback')}
            >
              {t('interrupted.rollback')}
            </AllowedButton>
            <AllowedButton
              request={['POST', `/changes/${encodeURIComponent(interrupted.id)}/resume`]}
              onClick={() => ask('resume')}
            >
              {t('interrupted.resume')}
            </AllowedButton>
          </>
        ) : (
          <>
            <button type="button" className="primary" disabled={recover.isPending} onClick={() => act(asked)}>
              {t(asked === 'rollback' ? 'interrupted.doRollback' : 'interrupted.doResume')}
            </button>
            <button type="button" onClick={() => ask(null)}>
              {t('common.cancel')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

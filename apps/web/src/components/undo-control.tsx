import { useEffect, useRef } from 'react';
import { AllowedButton } from './allowed-button';
import { ApiError, errorConflicts } from '../lib/api/api-error';
import { useRevertChange } from '../lib/changes/revert-change';
import { useT } from '../lib/i18n/i18n-context';
import { ActionError } from './error-text';
import './change-feedback.css';

// Undo one recorded change. The agent refuses (409) when what the change wrote has been changed again
// since; the user then reads what, in words, and may undo anyway (force), overwriting those rows.
export function UndoControl({ changeId, inverse }: { changeId: string; inverse?: readonly string[] | null }) {
  const t = useT();
  const revert = useRevertChange();
  const anyway = useRef<HTMLButtonElement>(null);
  const conflicts = revert.error instanceof ApiError && revert.error.code === 'CONFLICT';
  // The Undo button goes away when the conflicts show: keep focus on the choice that replaced it.
  useEffect(() => {
    if (conflicts) anyway.current?.focus();
  }, [conflicts]);

  if (revert.isSuccess) {
    return (
      <span className="undo-done" role="status">
        {t('undo.done')} {revert.data && <span className="muted">{revert.data.summary}</span>}
      </span>
    );
  }
  if (conflicts) {
    return (
      <div className="undo-conflicts" role="alert">
        <div>{t('undo.conflicts')}</div>
        <ul>
          {errorConflicts(revert.error).map((conflict) => (
            <li key={conflict}>{conflict}</li>
          ))}
        </ul>
        <div className="row">
          <button
            ref={anyway}
            type="button"
            className="danger small"
            disabled={revert.isPending}
            onClick={() => revert.mutate({ id: changeId, force: true })}
          >
            {t('undo.anyway')}
          </button>
          <button type="button" className="small" onClick={() => revert.reset()}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <span className="undo-control">
      <AllowedButton
        request={['POST', `/changes/${encodeURIComponent(changeId)}/revert`]}
        className="small"
        disabled={revert.isPending}
        title={inverse?.join('\n')}
        onClick={() => revert.mutate({ id: changeId, force: false })}
      >
        {revert.isPending ? t('undo.pending') : t('undo.button')}
      </AllowedButton>
      <ActionError error={revert.error} />
    </span>
  );
}

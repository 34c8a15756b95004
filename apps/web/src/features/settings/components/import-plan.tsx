import type { RestorePlan } from '@ipvs-dashboard/shared';
import { PlanDetails } from '../../../components/plan-details';
import type { TextProblem } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';

/** The dry run's answer: the commands it would run, then every row it touches with old -> new per field. */
export function ImportPlan({ plan }: { plan: RestorePlan }) {
  const t = useT();
  const empty = plan.added.length + plan.changed.length + plan.removed.length === 0;
  if (empty) return <p className="muted">{t('config.noChanges')}</p>;
  return (
    <div data-testid="restore-plan" style={{ marginTop: 8 }}>
      {(['added', 'changed', 'removed'] as const).map((kind) =>
        plan[kind].length ? (
          <div key={kind}>
            <h3>{t(`config.${kind}`, { count: plan[kind].length })}</h3>
            <ul className="plan-list">
              {plan[kind].map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {plan.details.length > 0 && (
        <div data-testid="restore-plan-details">
          <h3>{t('config.rows')}</h3>
          <PlanDetails details={plan.details} />
        </div>
      )}
    </div>
  );
}

/** Every problem of the text at once, by line, so one round of fixes is enough (the agent's sentences may
 * already start with their line: then it is not said twice). */
export function ImportProblems({ problems }: { problems: readonly TextProblem[] }) {
  const t = useT();
  return (
    <div className="action-error" role="alert" data-testid="restore-problems">
      <div>{t('config.problems', { count: problems.length })}</div>
      <ul className="plan-list">
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.line !== undefined && !problem.message.startsWith(`line ${problem.line}`) && (
              <b>{t('config.line', { line: problem.line })}: </b>
            )}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** PUT /config answered CONFIRMATION_REQUIRED: the text would empty the table. Say it plainly first. */
export function ReplaceAllConfirmation({ count, onConfirm }: { count: number; onConfirm: () => void }) {
  const t = useT();
  return (
    <div className="notice notice-danger" role="alert" data-testid="replace-all-confirmation">
      <div style={{ flex: 1 }}>
        <strong>{t('config.replaceAllTitle')}</strong> {t('config.replaceAllBody', { count })}
      </div>
      <button type="button" className="danger" onClick={onConfirm}>
        {t('config.replaceAllConfirm')}
      </button>
    </div>
  );
}

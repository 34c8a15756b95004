import type { FleetChangeAnswer, FleetDirectorResult } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';

function Detail({ result }: { result: FleetDirectorResult }) {
  const t = useT();
  const plan = result.plan;
  const lines = plan ? [...plan.added, ...plan.changed, ...plan.removed] : [];
  return (
    <>
      {result.problems.length > 0 && (
        <ul className="fleet-change-problems">
          {result.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {result.problems.length === 0 && result.reason && <p className="director-error">{result.reason}</p>}
      {result.todo && <p className="notice">{result.todo}</p>}
      {plan && result.problems.length === 0 && (
        <pre className="mono fleet-change-lines">
          {lines.length > 0 ? lines.join('\n') : t('fleetChange.noChange')}
        </pre>
      )}
      {result.changeId && (
        <div className="muted mono">{t('fleetChange.changeId', { id: result.changeId })}</div>
      )}
      {result.undoChangeId && (
        <div className="muted mono">{t('fleetChange.undoId', { id: result.undoChangeId })}</div>
      )}
    </>
  );
}

/** Where each director stands after a plan or an apply, with the fleet change id its audit log keeps. */
export function FleetChangeResult({ answer }: { answer: FleetChangeAnswer }) {
  const t = useT();
  return (
    <div data-testid="fleet-change-result" data-outcome={answer.outcome}>
      <p role="status">
        <strong>{t(`fleetChange.outcome.${answer.outcome}`)}</strong>{' '}
        {!answer.dryRun && (
          <span className="mono" data-testid="fleet-change-id">
            {t('fleetChange.id', { id: answer.id })}
          </span>
        )}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t('fleetChange.director')}</th>
              <th>{t('fleetChange.state')}</th>
              <th>{t('fleetChange.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.directors.map((result) => (
              <tr key={result.name} data-testid={`fleet-change-${result.name}`} data-state={result.state}>
                <td>{result.name}</td>
                <td>
                  <span
                    className={
                      result.state === 'applied' || result.state === 'planned' ? 'chip' : 'chip chip-warn'
                    }
                  >
                    {t(`fleetChange.state.${result.state}`)}
                  </span>
                </td>
                <td>
                  <Detail result={result} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

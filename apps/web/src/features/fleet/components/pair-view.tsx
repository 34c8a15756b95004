import { useQuery } from '@tanstack/react-query';
import { pairDiff, type FleetDirectorStatus, type PairDifference } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { errorMessage } from '../../../lib/api/api-error';
import { useT } from '../../../lib/i18n/i18n-context';
import { routeHref } from '../../../lib/router/hash-router';
import { directorTableQueryOptions, fleetQueryOptions } from '../api/fleet-queries';
import { DirectorCard } from './director-card';
import { FleetChangePanel } from './fleet-change-panel';
import { PairConnections } from './pair-connections';
import { SyncDaemonsLine } from './sync-daemons-line';
import './fleet.css';

function rowLabel(difference: PairDifference): string {
  return difference.destination ? `${difference.service} → ${difference.destination}` : difference.service;
}

/** The two directors of a pair side by side, and every row where their tables disagree. */
export function PairView({ pair }: { pair: string }) {
  const t = useT();
  const fleet = useQuery(fleetQueryOptions());
  const members = fleet.data?.directors.filter((director) => director.pair === pair) ?? [];
  const [left, right] = members;
  return (
    <>
      <p>
        <a href={routeHref({ screen: 'fleet' })}>{t('fleet.backToFleet')}</a>
      </p>
      <ActionError error={fleet.error} />
      {fleet.data && members.length !== 2 && <p className="notice">{t('fleet.pairNotFound', { pair })}</p>}
      {left && right && members.length === 2 && <PairDiff pair={pair} left={left} right={right} />}
      {left && right && members.length === 2 && fleet.data && (
        <FleetChangePanel directors={fleet.data.directors} preselected={[left.name, right.name]} />
      )}
    </>
  );
}

function PairDiff({
  pair,
  left,
  right,
}: {
  pair: string;
  left: FleetDirectorStatus;
  right: FleetDirectorStatus;
}) {
  const t = useT();
  const leftTable = useQuery(directorTableQueryOptions(left));
  const rightTable = useQuery(directorTableQueryOptions(right));
  const failed = [
    { director: left, error: leftTable.error },
    { director: right, error: rightTable.error },
  ].filter((side) => side.error);
  const differences = leftTable.data && rightTable.data ? pairDiff(leftTable.data, rightTable.data) : null;
  return (
    <>
      <h1>{t('fleet.pairTitle', { pair, left: left.name, right: right.name })}</h1>
      <div className="fleet-group">
        <DirectorCard director={left} />
        <DirectorCard director={right} />
      </div>
      <SyncDaemonsLine director={left} />
      <SyncDaemonsLine director={right} />
      <PairConnections left={left} right={right} />
      {failed.map(({ director, error }) => (
        <p key={director.name} className="notice" role="alert">
          {t('fleet.cannotCompare', { name: director.name, error: errorMessage(error) })}
        </p>
      ))}
      {!differences && failed.length === 0 && <div className="empty">{t('common.loading')}</div>}
      {differences && (
        <section className="card">
          <p data-testid="pair-summary">
            {differences.length === 0
              ? t('fleet.pairSame')
              : t('fleet.pairDiffers', { count: differences.length })}
          </p>
          {differences.length > 0 && (
            <div className="table-scroll">
              <table className="pair-diff" data-testid="pair-diff">
                <thead>
                  <tr>
                    <th>{t('fleet.row')}</th>
                    <th>{t('fleet.difference')}</th>
                    <th>{left.name}</th>
                    <th>{right.name}</th>
                  </tr>
                </thead>
                <tbody>
                  {differences.flatMap((difference) =>
                    difference.kind === 'differs' ? (
                      difference.fields.map((field) => (
                        <tr key={`${rowLabel(difference)} ${field.field}`}>
                          <td className="mono">{rowLabel(difference)}</td>
                          <td>{field.field}</td>
                          <td className="differs mono">{field.left}</td>
                          <td className="differs mono">{field.right}</td>
                        </tr>
                      ))
                    ) : (
                      <tr key={rowLabel(difference)} className="only-one">
                        <td className="mono">{rowLabel(difference)}</td>
                        <td colSpan={3}>
                          {t('fleet.onlyOn', {
                            name: difference.kind === 'only-left' ? left.name : right.name,
                          })}
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}

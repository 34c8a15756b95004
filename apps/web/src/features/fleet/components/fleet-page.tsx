import { useQuery } from '@tanstack/react-query';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { routeHref } from '../../../lib/router/hash-router';
import { fleetQueryOptions, groupDirectors } from '../api/fleet-queries';
import { DirectorCard } from './director-card';
import { FleetChangePanel } from './fleet-change-panel';
import { FleetHistoryHint } from './director-sparkline';
import './fleet.css';

/** Every director of the fleet file, grouped by site and pair, each with its health at a glance. */
export function FleetPage() {
  const t = useT();
  const fleet = useQuery(fleetQueryOptions());
  return (
    <>
      <h1>{t('fleet.title')}</h1>
      <p className="muted">{t('fleet.intro')}</p>
      <FleetHistoryHint />
      <ActionError error={fleet.error} />
      {!fleet.data && !fleet.error && <div className="empty">{t('common.loading')}</div>}
      {fleet.data &&
        groupDirectors(fleet.data.directors).map(({ site, groups }) => (
          <section key={site ?? ''} className="fleet-site" aria-label={site ?? t('fleet.noSite')}>
            <h2>{site ? t('fleet.site', { site }) : t('fleet.noSite')}</h2>
            {groups.map((group) => (
              <div key={group.pair ?? group.directors[0]!.name}>
                {group.pair && (
                  <div className="fleet-group-head">
                    <strong>{t('fleet.pair', { pair: group.pair })}</strong>
                    {group.directors.length === 2 && (
                      <a
                        href={routeHref({ screen: 'fleet', pair: group.pair })}
                        data-testid={`compare-${group.pair}`}
                      >
                        {t('fleet.comparePair')}
                      </a>
                    )}
                  </div>
                )}
                <div className="fleet-group">
                  {group.directors.map((director) => (
                    <DirectorCard key={director.name} director={director} />
                  ))}
                </div>
              </div>
            ))}
          </section>
        ))}
      {fleet.data && (
        <FleetChangePanel
          directors={fleet.data.directors}
          preselected={fleet.data.directors
            .filter((director) => director.local)
            .map((director) => director.name)}
        />
      )}
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  isHoldChange,
  type FleetChangeAnswer,
  type FleetChangeBody,
  type FleetChangeRequest,
  type FleetDirectorStatus,
} from '@ipvs-dashboard/shared';
import { AllowedButton } from '../../../components/allowed-button';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { tableSettingsQueryOptions } from '../../../lib/table/get-table-settings';
import { postFleetChange } from '../api/fleet-change-api';
import { directorTableQueryOptions } from '../api/fleet-queries';
import { fleetChangeBody, type FleetChangeChoice } from '../fleet-change-text';
import { FleetChangeChoiceFields } from './fleet-change-choice';
import { FleetChangeResult } from './fleet-change-result';

const firstChoice: FleetChangeChoice = {
  kind: 'weight',
  service: '',
  server: '',
  weight: 1,
  address: '',
  port: 80,
  forwarding: 'route',
  scheduler: 'wlc',
};

/** Apply onto the tables the plan saw: a director changed since refuses, and the others are rolled back. */
function withPlannedTables(request: FleetChangeRequest, plan: FleetChangeAnswer): FleetChangeRequest {
  const ifMatch = Object.fromEntries(
    plan.directors.flatMap((director) =>
      director.etag === null ? [] : [[director.name, director.etag] as const],
    ),
  );
  return { ...request, ifMatch };
}

/** What goes to each director: the restore lines, or the hold change its quiesce path makes. */
function SentChange({ change }: { change: FleetChangeBody }) {
  const t = useT();
  if (isHoldChange(change)) {
    return (
      <label className="field">
        <span className="label">{t('fleetChange.holdText')}</span>
        <pre className="mono fleet-change-lines" data-testid="fleet-change-hold">
          {t(`fleetChange.hold.${change.kind}`, { server: change.server, service: change.service })}
        </pre>
      </label>
    );
  }
  return (
    <label className="field">
      <span className="label">{t('fleetChange.text')}</span>
      <pre className="mono fleet-change-lines" data-testid="fleet-change-text">
        {change.text}
      </pre>
    </label>
  );
}

/**
 * "Change several directors": pick directors and a change, Plan (each director's own dry run through this
 * agent), then Apply exactly what was planned. The answer says where each director stands.
 */
export function FleetChangePanel({
  directors,
  preselected,
}: {
  directors: readonly FleetDirectorStatus[];
  preselected: readonly string[];
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<readonly string[]>(preselected);
  const [choice, setChoice] = useState<FleetChangeChoice>(firstChoice);
  const [planned, setPlanned] = useState<{ key: string; answer: FleetChangeAnswer } | null>(null);
  const [applied, setApplied] = useState<FleetChangeAnswer | null>(null);
  const picked = directors.filter((director) => chosen.includes(director.name));
  const reference = picked.find((director) => director.reachable) ?? picked[0];
  // This agent's own table comes from the live feed's snapshots (no 5 MB request every few seconds, no
  // render per sample); a peer's is read through the proxy.
  const localTable = useQuery({ ...tableSettingsQueryOptions(), enabled: reference?.local === true });
  const peerTable = useQuery({
    ...directorTableQueryOptions(reference ?? { name: '', local: false }),
    enabled: reference !== undefined && !reference.local,
  });
  const table = reference?.local ? localTable : peerTable;
  const made = table.data ? fleetChangeBody(table.data, choice) : null;
  const request: FleetChangeRequest | null =
    made && 'change' in made && picked.length > 0
      ? { directors: picked.map((director) => director.name), change: made.change }
      : null;
  const key = request ? JSON.stringify(request) : '';
  const send = useMutation({
    mutationFn: ({ body, dryRun }: { body: FleetChangeRequest; dryRun: boolean }) =>
      postFleetChange(body, dryRun),
    onSuccess: (answer, { body }) => {
      if (answer.dryRun) {
        setPlanned({ key: JSON.stringify({ directors: body.directors, change: body.change }), answer });
        setApplied(null);
        return;
      }
      setApplied(answer);
      setPlanned(null);
      void queryClient.invalidateQueries({ queryKey: ['fleet'] });
      void queryClient.invalidateQueries({ queryKey: ['services'] });
    },
  });
  const problem = picked.length === 0 ? 'pickDirector' : made && 'problem' in made ? made.problem : null;
  const planIsCurrent = planned !== null && planned.key === key && planned.answer.outcome === 'planned';
  const toggle = (name: string) =>
    setChosen((names) => (names.includes(name) ? names.filter((n) => n !== name) : [...names, name]));
  const shape = ['POST', '/fleet/changes', request ?? {}] as const;
  return (
    <section className="card fleet-change" aria-label={t('fleetChange.title')} data-testid="fleet-change">
      <h2>{t('fleetChange.title')}</h2>
      <p className="muted">{t('fleetChange.intro')}</p>
      <fieldset>
        <legend>{t('fleetChange.directors')}</legend>
        {directors.map((director) => (
          <label key={director.name} className="fleet-change-director">
            <input
              type="checkbox"
              data-testid={`fleet-change-pick-${director.name}`}
              checked={chosen.includes(director.name)}
              onChange={() => toggle(director.name)}
            />{' '}
            {director.name}
          </label>
        ))}
      </fieldset>
      {reference && <p className="muted">{t('fleetChange.reference', { name: reference.name })}</p>}
      <FleetChangeChoiceFields table={table.data} choice={choice} onChange={setChoice} />
      {choice.kind === 'quiesce' && <p className="muted">{t('fleetChange.quiesceNote')}</p>}
      {choice.kind === 'unquiesce' && <p className="muted">{t('fleetChange.unquiesceNote')}</p>}
      {problem && <p className="muted">{t(`fleetChange.${problem}`)}</p>}
      {request && <SentChange change={request.change} />}
      <div className="button-row">
        <AllowedButton
          request={shape}
          data-testid="fleet-change-plan"
          disabled={!request || send.isPending}
          onClick={() => request && send.mutate({ body: request, dryRun: true })}
        >
          {t('fleetChange.plan')}
        </AllowedButton>
        <AllowedButton
          request={shape}
          className="primary"
          data-testid="fleet-change-apply"
          disabled={!request || !planIsCurrent || send.isPending}
          title={planIsCurrent ? undefined : t('fleetChange.planFirst')}
          onClick={() =>
            request &&
            planned &&
            send.mutate({ body: withPlannedTables(request, planned.answer), dryRun: false })
          }
        >
          {t('fleetChange.apply', { count: picked.length })}
        </AllowedButton>
      </div>
      <ActionError error={send.error} />
      {applied ? (
        <FleetChangeResult answer={applied} />
      ) : (
        planned && <FleetChangeResult answer={planned.answer} />
      )}
    </section>
  );
}

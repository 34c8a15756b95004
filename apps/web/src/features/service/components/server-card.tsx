import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { Destination, ServiceKey } from '@ipvs-dashboard/shared';
import { destinationId, overloadClearsBelow } from '@ipvs-dashboard/shared';
import { formatCount, formatRate } from '../../../lib/format/format-si';
import { useRefusal } from '../../../lib/access/use-refusal';
import { useT } from '../../../lib/i18n/i18n-context';
import { destinationPath } from '../api/paths';
import { drainState } from './board-lanes';
import { ServerCounters } from './server-counters';
import { ServerEditor } from './server-editor';
import { DrainAction } from './drain-form';
import { DrainProgressView } from './drain-progress';
import { drainRefusalText } from './hold-text';
import { HealthDot, HeldBy } from './server-health';
import { ServerRamp, SorryMark } from './server-ramp';

interface ServerCardProps {
  sid: string;
  serviceKey: ServiceKey;
  /** The service's persistence timeout (s): a drain warns about templates with it. */
  persistence: number;
  destination: Destination;
}

/**
 * One real server: what it carries now; quiesced ones show how far they have drained. Drag by the handle.
 * Memoised on its props: a sample keeps the object of a server whose numbers did not move (apply-sample.ts),
 * so the row's own object is its version and an idle card skips the render every other card's tick causes.
 */
export const ServerCard = memo(function ServerCard({
  sid,
  serviceKey,
  persistence,
  destination,
}: ServerCardProps) {
  const t = useT();
  const did = destinationId(destination);
  // Dragging quiesces or unquiesces: a token that may not (viewer, or limited to other services) cannot drag.
  // A draining server stays out until its drain ends or is cancelled: the agent refuses its unquiesce.
  const refusal =
    useRefusal(['POST', `${destinationPath(sid, did)}/quiesce`]) ?? drainRefusalText(destination, t);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: did,
    data: { destination },
    disabled: refusal !== null,
  });
  const state = drainState(destination);
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <article
      ref={setNodeRef}
      style={style}
      className={`server-card${isDragging ? ' server-card-dragging' : ''}`}
      data-testid={`server-${did}`}
      data-lane={state === 'serving' ? 'active' : 'quiesced'}
      data-overloaded={destination.overloaded}
      aria-label={t('server.card', { server: did })}
    >
      <div className="server-card-head">
        <button
          type="button"
          className="drag-handle"
          aria-label={t('server.drag', { server: did })}
          {...attributes}
          {...listeners}
          disabled={refusal !== null}
          title={refusal ?? undefined}
        >
          ⠿
        </button>
        <HealthDot destination={destination} />
        <span className="server-address">{did}</span>
        <span className="chip">{t(`forwarding.${destination.forwarding}`)}</span>
        <SorryMark destination={destination} />
        <span className="spacer" />
        {destination.overloaded && (
          <span className="chip chip-warn" data-testid="overloaded">
            {t('server.overloaded')}
          </span>
        )}
        <span className="chip" data-testid="weight">
          {t('server.weightShort', { weight: destination.weight })}
        </span>
      </div>
      <div className="server-stats">
        <span>
          {t('server.active')} <b>{formatCount(destination.activeConns)}</b>
        </span>
        <span>
          {t('server.inactive')} <b>{formatCount(destination.inactiveConns)}</b>
        </span>
        <span>
          {t('server.persistent')} <b>{formatCount(destination.persistentConns)}</b>
        </span>
        <span>
          <b>{formatRate(destination.stats.cps, 'conns', t('unit.conns'))}</b>
        </span>
        {state === 'drained' && <span className="drained">{t('server.drained')}</span>}
        {state === 'draining' && <span className="draining">{t('server.draining')}</span>}
      </div>
      <ServerCounters destination={destination} />
      <HeldBy destination={destination} />
      <ServerRamp destination={destination} did={did} />
      {destination.overloaded && (
        <p className="overloaded-why" data-testid="overloaded-why">
          {t('server.overloadedWhy', {
            total: formatCount(destination.activeConns + destination.inactiveConns),
            upper: formatCount(destination.upperThreshold),
            below: formatCount(overloadClearsBelow(destination.upperThreshold, destination.lowerThreshold)),
          })}
        </p>
      )}
      {destination.drain ? (
        <DrainProgressView sid={sid} did={did} drain={destination.drain} />
      ) : (
        <DrainAction sid={sid} serviceKey={serviceKey} persistence={persistence} destination={destination} />
      )}
      <details data-testid="server-editor">
        <summary>{t('server.edit')}</summary>
        <ServerEditor sid={sid} serviceKey={serviceKey} destination={destination} />
      </details>
    </article>
  );
});

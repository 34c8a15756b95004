import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
} from '@dnd-kit/core';
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Destination, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId } from '@ipvs-dashboard/shared';
import { ColumnsChooser } from '../../../components/columns-chooser';
import { CommandPreview } from '../../../components/command-preview';
import { ActionError } from '../../../components/error-text';
import { editDestinationCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { useT } from '../../../lib/i18n/i18n-context';
import { quiescedQueryOptions, rememberedByAgent } from '../../../lib/table/get-quiesced';
import { useQuiesceDestination } from '../api/quiesce-destination';
import { askWeight } from './ask-weight';
import { laneOf, rememberWeight, rememberedWeight, splitLanes, type Lane } from './board-lanes';
import { laneCoordinates } from './keyboard-lanes';
import { ServerCard } from './server-card';

function LaneColumn({
  lane,
  title,
  hint,
  children,
  count,
}: {
  lane: Lane;
  title: string;
  hint: string;
  count: number;
  children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: lane });
  return (
    <section
      ref={setNodeRef}
      className={`lane${isOver ? ' lane-over' : ''}`}
      aria-label={title}
      data-testid={`lane-${lane}`}
    >
      <h3>
        <span>{title}</span>
        <span className="chip">{count}</span>
      </h3>
      {count === 0 && <div className="empty">{hint}</div>}
      {children}
    </section>
  );
}

/** Two lanes; dropping a card in Quiesced sets weight 0, dropping it back restores the weight it had. */
export function ServersBoard({ sid, service }: { sid: string; service: ServiceWithDestinations }) {
  const t = useT();
  const quiesce = useQuiesceDestination(sid);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: laneCoordinates }),
  );
  const lanes = splitLanes(service.destinations);
  const quiesced = useQuery(quiescedQueryOptions()).data;
  // What the drop will do, as the ipvsadm command, shown while a card hovers over the other lane.
  const [preview, setPreview] = useState<string | null>(null);
  // A keyboard drop moves the card to the other lane, a new element: focus its handle there, so the user
  // stays where they were instead of back at the top of the page.
  const [refocus, setRefocus] = useState<{ did: string; lane: Lane; until: number } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    // A refused drop puts the card back where it was: after a few seconds there is nothing to follow.
    if (Date.now() > refocus.until) return setRefocus(null);
    const handle = document.querySelector<HTMLElement>(
      `[data-testid="lane-${refocus.lane}"] [data-testid="server-${CSS.escape(refocus.did)}"] .drag-handle`,
    );
    if (!handle) return;
    handle.focus();
    setRefocus(null);
  }, [service, refocus]);
  const find = (id: string | number) => service.destinations.find((d) => destinationId(d) === id);
  /** The weight a drop on Active gives back: the agent's memory, else undefined (the user is asked). */
  const weightBack = (did: string) => rememberedByAgent(quiesced, sid, did);
  const card = (destination: Destination) => (
    <ServerCard
      key={destinationId(destination)}
      sid={sid}
      serviceKey={service.key}
      persistence={service.persistence}
      destination={destination}
    />
  );

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const destination = find(active.id);
    const target = over?.id as Lane | undefined;
    if (!destination || !target || target === laneOf(destination)) return setPreview(null);
    const weight = target === 'quiesced' ? 0 : weightBack(destinationId(destination));
    setPreview(
      weight === undefined
        ? t('board.previewAsk')
        : editDestinationCommand(service.key, { ...destination, weight }),
    );
  };

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setPreview(null);
    const destination = find(active.id);
    if (!destination || !over) return;
    const target = over.id as Lane;
    if (target === laneOf(destination)) return;
    const did = destinationId(destination);
    if (activatorEvent instanceof KeyboardEvent) setRefocus({ did, lane: target, until: Date.now() + 3000 });
    if (target === 'quiesced') {
      rememberWeight(sid, destination);
      quiesce.mutate({ did, quiesce: true, expectedWeight: 0 });
      return;
    }
    const remembered = weightBack(did);
    if (remembered !== undefined) {
      quiesce.mutate({ did, quiesce: false, expectedWeight: remembered });
      return;
    }
    // Weight 0 set elsewhere (ipvsadm, keepalived): nothing to give back, so the operator says which weight.
    const weight = askWeight(t('board.askWeight', { server: did }), rememberedWeight(sid, did));
    if (weight !== null) quiesce.mutate({ did, quiesce: false, expectedWeight: weight, weight });
  };

  /** What a screen reader hears after a drop: the weight the server has now (none yet when it is asked). */
  const announcedWeight = (id: string | number, lane: Lane): string => {
    const destination = find(id);
    if (!destination) return '';
    const weight =
      lane === laneOf(destination) ? destination.weight : lane === 'quiesced' ? 0 : weightBack(String(id));
    return weight === undefined ? '' : t('board.announceWeight', { weight });
  };

  const announce = (id: string | number, lane: unknown) =>
    lane === 'quiesced'
      ? t('board.announceOverQuiesced', { server: String(id) })
      : lane === 'active'
        ? t('board.announceOverActive', { server: String(id) })
        : t('board.announceMoving', { server: String(id) });

  return (
    <section className="card" aria-labelledby="board-heading">
      <div className="card-header">
        <h2 id="board-heading">{t('board.title')}</h2>
        <span className="muted">{t('board.hint')}</span>
        <ColumnsChooser />
      </div>
      {quiesce.error && <ActionError error={quiesce.error} />}
      {preview && (
        <div role="status" data-testid="drag-preview">
          <CommandPreview commands={preview} />
        </div>
      )}
      <DndContext
        sensors={sensors}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setPreview(null)}
        accessibility={{
          screenReaderInstructions: { draggable: t('board.instructions') },
          announcements: {
            onDragStart: ({ active }) => t('board.announcePicked', { server: String(active.id) }),
            onDragOver: ({ active, over }) => announce(active.id, over?.id),
            onDragEnd: ({ active, over }) =>
              over
                ? [
                    t('board.announceDropped', {
                      server: String(active.id),
                      lane: t(over.id === 'quiesced' ? 'board.quiesced' : 'board.active'),
                    }),
                    announcedWeight(active.id, over.id as Lane),
                  ].join(' ')
                : t('board.announceCancelled', { server: String(active.id) }),
            onDragCancel: ({ active }) => t('board.announceCancelled', { server: String(active.id) }),
          },
        }}
      >
        <div className="board">
          <LaneColumn
            lane="active"
            title={t('board.active')}
            hint={t('board.activeEmpty')}
            count={lanes.active.length}
          >
            {lanes.active.map(card)}
          </LaneColumn>
          <LaneColumn
            lane="quiesced"
            title={t('board.quiesced')}
            hint={t('board.quiescedEmpty')}
            count={lanes.quiesced.length}
          >
            {lanes.quiesced.map(card)}
          </LaneColumn>
        </div>
      </DndContext>
    </section>
  );
}

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import type { Destination, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId } from '@ipvs-dashboard/shared';
import { ActionError } from '../../../components/error-text';
import { useT } from '../../../lib/i18n/i18n-context';
import { useQuiesceDestination } from '../api/quiesce-destination';
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
  const card = (destination: Destination) => (
    <ServerCard
      key={destinationId(destination)}
      sid={sid}
      serviceKey={service.key}
      destination={destination}
    />
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const destination = service.destinations.find((d) => destinationId(d) === active.id);
    if (!destination || !over) return;
    const target = over.id as Lane;
    if (target === laneOf(destination)) return;
    const did = destinationId(destination);
    if (target === 'quiesced') rememberWeight(sid, destination);
    quiesce.mutate({ did, quiesce: target === 'quiesced', expectedWeight: rememberedWeight(sid, did) });
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
      </div>
      {quiesce.error && <ActionError error={quiesce.error} />}
      <DndContext
        sensors={sensors}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('board.instructions') },
          announcements: {
            onDragStart: ({ active }) => t('board.announcePicked', { server: String(active.id) }),
            onDragOver: ({ active, over }) => announce(active.id, over?.id),
            onDragEnd: ({ active, over }) =>
              over
                ? t('board.announceDropped', {
                    server: String(active.id),
                    lane: t(over.id === 'quiesced' ? 'board.quiesced' : 'board.active'),
                  })
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

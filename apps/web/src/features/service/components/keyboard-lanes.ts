import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

// Keyboard drag between the two lanes: after Space/Enter picks a card up, Right/Down jumps it to the
// Quiesced lane and Left/Up back to Active (instead of dnd-kit's default 25 px nudges), Space drops it.
const laneForKey: Record<string, 'active' | 'quiesced'> = {
  ArrowRight: 'quiesced',
  ArrowDown: 'quiesced',
  ArrowLeft: 'active',
  ArrowUp: 'active',
};

export const laneCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const target = laneForKey[event.code] ?? null;
  if (!target) return undefined;
  event.preventDefault();
  const rect = context.droppableRects.get(target);
  const size = context.collisionRect;
  if (!rect || !size) return undefined;
  return {
    x: rect.left + rect.width / 2 - size.width / 2,
    y: rect.top + Math.min(rect.height / 2, 40) - size.height / 2,
  };
};

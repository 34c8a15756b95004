// Change ids that sort as the changes happened, also across agent restarts: the clock in base 36 (fixed
// width), then a counter for changes within one millisecond, then two random characters so that two agents
// (a pair of directors) never mint the same id.
let lastAt = 0;
let counter = 0;

export function newChangeId(now = Date.now()): string {
  if (now <= lastAt) {
    counter++;
  } else {
    lastAt = now;
    counter = 0;
  }
  const random = Math.floor(Math.random() * 36 * 36)
    .toString(36)
    .padStart(2, '0');
  return `${lastAt.toString(36).padStart(9, '0')}${counter.toString(36).padStart(3, '0')}${random}`;
}

// A small seeded generator (mulberry32) so that simulated traffic is the same on every run of a test.
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value around `mean`, uniformly within +-spread (0..1) of it. */
export function around(random: Random, mean: number, spread = 0.5): number {
  return mean * (1 - spread + 2 * spread * random());
}

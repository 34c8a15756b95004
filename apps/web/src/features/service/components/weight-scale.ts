import { weightInputSchema } from '@ipvs-dashboard/shared';

// The weight slider spans every weight the API takes (the shared schema's range, 0..MAX_WEIGHT = INT_MAX,
// not a number of our own), on a logarithmic scale: weights are mostly 1-100, and a straight track would
// move in steps of millions. Steps of the track, not weights: over 2^31, 2000 of them give each weight up
// to ~90 its own step.
export const WEIGHT_MIN = weightInputSchema.minValue ?? 0;
export const WEIGHT_MAX = weightInputSchema.maxValue ?? 0;
export const SLIDER_STEPS = 2000;

const scale = Math.log1p(WEIGHT_MAX - WEIGHT_MIN);

/** The slider position (0..SLIDER_STEPS) that shows `weight`. */
export function weightToSlider(weight: number): number {
  const clamped = Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, weight));
  return Math.round((Math.log1p(clamped - WEIGHT_MIN) / scale) * SLIDER_STEPS);
}

/** The weight at a slider position. */
export function sliderToWeight(position: number): number {
  return WEIGHT_MIN + Math.round(Math.expm1((position / SLIDER_STEPS) * scale));
}

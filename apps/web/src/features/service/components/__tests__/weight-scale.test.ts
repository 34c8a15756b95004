import { describe, expect, it } from 'vitest';
import { weightInputSchema } from '@ipvs-dashboard/shared';
import { SLIDER_STEPS, WEIGHT_MAX, sliderToWeight, weightToSlider } from '../weight-scale';

describe('weight-scale', () => {
  it('spans exactly the weights the API accepts', () => {
    expect(sliderToWeight(0)).toBe(0);
    expect(sliderToWeight(SLIDER_STEPS)).toBe(WEIGHT_MAX);
    expect(weightInputSchema.safeParse(WEIGHT_MAX).success).toBe(true);
    expect(weightInputSchema.safeParse(WEIGHT_MAX + 1).success).toBe(false);
  });

  it('gives every small weight its own slider position, and shows each weight where it is', () => {
    for (let weight = 0; weight <= 60; weight++) expect(sliderToWeight(weightToSlider(weight))).toBe(weight);
    expect(weightToSlider(WEIGHT_MAX + 10)).toBe(SLIDER_STEPS);
  });
});

import { MAX_WEIGHT } from '@ipvs-dashboard/shared';

/**
 * Asks for the weight to give a real server that has none to go back to; null when cancelled. Asked again
 * until the answer is a whole number 1..MAX_WEIGHT, so a typo never becomes weight NaN or 0.
 */
export function askWeight(question: string, suggestion: number): number | null {
  let answer = window.prompt(question, String(suggestion));
  while (answer !== null) {
    const weight = /^\s*\d+\s*$/.test(answer) ? Number(answer) : Number.NaN;
    if (weight >= 1 && weight <= MAX_WEIGHT) return weight;
    answer = window.prompt(`${question} (1-${MAX_WEIGHT})`, answer);
  }
  return null;
}

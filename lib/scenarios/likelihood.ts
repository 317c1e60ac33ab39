import type { Likelihood, ScenarioOutcome } from '../generated/prisma/enums';

/**
 * ICD 203 (US Intelligence Community Directive 203, Analytic Standards, 2015) words of estimative
 * probability, with their ranges in percent. The published ranges share their end points (5, 20,
 * 45, 55, 80, 95), so both neighbouring terms accept a boundary value: 20% may be called "very
 * unlikely" or "unlikely". 0% and 100% are outside every term: no estimate is certain.
 */
export interface LikelihoodBand {
  value: Likelihood;
  label: string;
  /** Lowest and highest probability, in percent, inclusive. */
  min: number;
  max: number;
}

export const LIKELIHOOD_BANDS: readonly LikelihoodBand[] = [
  { value: 'ALMOST_NO_CHANCE', label: 'Almost no chance', min: 1, max: 5 },
  { value: 'VERY_UNLIKELY', label: 'Very unlikely', min: 5, max: 20 },
  { value: 'UNLIKELY', label: 'Unlikely', min: 20, max: 45 },
  { value: 'ROUGHLY_EVEN', label: 'Roughly even chance', min: 45, max: 55 },
  { value: 'LIKELY', label: 'Likely', min: 55, max: 80 },
  { value: 'VERY_LIKELY', label: 'Very likely', min: 80, max: 95 },
  { value: 'ALMOST_CERTAIN', label: 'Almost certain', min: 95, max: 99 },
];

export const LIKELIHOOD_LABELS = Object.fromEntries(LIKELIHOOD_BANDS.map((b) => [b.value, b.label])) as Record<Likelihood, string>;

export const OUTCOME_LABELS: Record<ScenarioOutcome, string> = { HAPPENED: 'Happened', DID_NOT_HAPPEN: 'Did not happen' };

export function bandOf(likelihood: Likelihood): LikelihoodBand {
  return LIKELIHOOD_BANDS.find((b) => b.value === likelihood) as LikelihoodBand;
}

/** "5–20%" */
export function bandRange(band: LikelihoodBand): string {
  return `${band.min}–${band.max}%`;
}

/** The terms whose range contains a probability in percent (two at a shared end point, none outside 1–99). */
export function termsFor(percent: number): LikelihoodBand[] {
  return LIKELIHOOD_BANDS.filter((b) => percent >= b.min && percent <= b.max);
}

export function inBand(likelihood: Likelihood, percent: number): boolean {
  const band = bandOf(likelihood);
  return percent >= band.min && percent <= band.max;
}

/** The middle of a band, as a starting point for the probability field. */
export function bandMidpoint(likelihood: Likelihood): number {
  const band = bandOf(likelihood);
  return (band.min + band.max) / 2;
}

/** Why a probability does not fit the chosen term, in words an analyst acts on. */
export function outOfBandMessage(likelihood: Likelihood, percent: number): string {
  const band = bandOf(likelihood);
  const fits = termsFor(percent);
  const instead = fits.length
    ? `, or call ${formatPercent(percent)} ${fits.map((b) => `“${b.label.toLowerCase()}”`).join(' or ')}`
    : ' (estimates run from 1% to 99%)';
  return `“${band.label}” means ${bandRange(band)}, and ${formatPercent(percent)} is outside it. Enter a probability from ${band.min} to ${band.max}${instead}.`;
}

export function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : Number(percent.toFixed(2))}%`;
}

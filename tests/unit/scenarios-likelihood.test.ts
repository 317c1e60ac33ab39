import { describe, expect, it } from 'vitest';
import { bandMidpoint, inBand, LIKELIHOOD_BANDS, outOfBandMessage, termsFor } from '@/lib/scenarios/likelihood';
import { estimateCreateSchema } from '@/lib/scenarios/schema';

const valid = { scenarioId: '00000000-0000-4000-8000-000000000001', estimatedOn: '2020-11-15' };

describe('ICD 203 likelihood bands', () => {
  it('covers 1-99% with the published ranges, contiguous, sharing their end points', () => {
    expect(LIKELIHOOD_BANDS.map((b) => [b.value, b.min, b.max])).toEqual([
      ['ALMOST_NO_CHANCE', 1, 5],
      ['VERY_UNLIKELY', 5, 20],
      ['UNLIKELY', 20, 45],
      ['ROUGHLY_EVEN', 45, 55],
      ['LIKELY', 55, 80],
      ['VERY_LIKELY', 80, 95],
      ['ALMOST_CERTAIN', 95, 99],
    ]);
    for (let k = 1; k < LIKELIHOOD_BANDS.length; k++) expect(LIKELIHOOD_BANDS[k]!.min).toBe(LIKELIHOOD_BANDS[k - 1]!.max);
  });

  it('accepts a shared end point in both neighbouring terms and refuses 0 and 100', () => {
    expect(inBand('VERY_UNLIKELY', 20)).toBe(true);
    expect(inBand('UNLIKELY', 20)).toBe(true);
    expect(inBand('UNLIKELY', 19.9)).toBe(false);
    expect(termsFor(50).map((b) => b.value)).toEqual(['ROUGHLY_EVEN']);
    expect(termsFor(0)).toEqual([]);
    expect(termsFor(100)).toEqual([]);
    expect(bandMidpoint('LIKELY')).toBe(67.5);
  });

  it('explains an out-of-band probability with the band and the term that fits', () => {
    expect(outOfBandMessage('LIKELY', 90)).toBe('“Likely” means 55–80%, and 90% is outside it. Enter a probability from 55 to 80, or call 90% “very likely”.');
    expect(outOfBandMessage('UNLIKELY', 5)).toBe(
      '“Unlikely” means 20–45%, and 5% is outside it. Enter a probability from 20 to 45, or call 5% “almost no chance” or “very unlikely”.',
    );
  });

  it('validates the estimate form: percent in the band of the chosen term', () => {
    expect(estimateCreateSchema.safeParse({ ...valid, likelihood: 'LIKELY', probability: '70' }).success).toBe(true);
    const out = estimateCreateSchema.safeParse({ ...valid, likelihood: 'LIKELY', probability: '90' });
    expect(out.success).toBe(false);
    expect(out.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['probability', outOfBandMessage('LIKELY', 90)]]);
    const notNumber = estimateCreateSchema.safeParse({ ...valid, likelihood: 'LIKELY', probability: 'seventy' });
    expect(notNumber.error?.issues[0]?.path).toEqual(['probability']);
  });
});

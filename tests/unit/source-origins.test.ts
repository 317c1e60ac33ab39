import { describe, expect, it } from 'vitest';
import { originKey, originSharedWeights, sharedOrigins } from '@/lib/stance/origins';

describe('independent sources (lib/stance/origins.ts)', () => {
  it('compares origins ignoring case and spacing; blank is no origin', () => {
    expect(originKey('  London Daily   analysis ')).toBe('london daily analysis');
    expect(originKey('LONDON DAILY ANALYSIS')).toBe(originKey('london daily analysis'));
    expect(originKey('   ')).toBeNull();
    expect(originKey(null)).toBeNull();
  });

  it('divides each weight by the number of distinct sources sharing its origin', () => {
    const readings = [
      { sourceId: 'gabuev', origin: 'London Daily', weight: 2.4 },
      { sourceId: 'ld', origin: 'london  daily', weight: 1.6 },
      { sourceId: 'isw', origin: null, weight: 3 },
      // A second reading of a source already counted does not make the origin's group bigger.
      { sourceId: 'ld', origin: 'London Daily', weight: 1.2 },
    ];
    expect(originSharedWeights(readings)).toEqual([1.2, 0.8, 3, 0.6]);
    expect(originSharedWeights(readings, 'all')).toEqual([2.4, 1.6, 3, 1.2]);
  });

  it('lists only origins shared by two or more sources, in the first spelling met', () => {
    expect(
      sharedOrigins([
        { sourceId: 'a', origin: 'Wire  story' },
        { sourceId: 'b', origin: 'wire story' },
        { sourceId: 'c', origin: 'Other' },
        { sourceId: 'd', origin: null },
      ]),
    ).toEqual([{ origin: 'Wire story', sourceIds: ['a', 'b'] }]);
  });
});

import { describe, expect, it } from 'vitest';
import { formatProportion, scaleAxis } from '@/components/charts/axes';

describe('chart axes on the issue scale', () => {
  const anchors = [
    { value: 0, label: 'No foreign forces' },
    { value: 50, label: 'Joint Russian-Turkish peacekeeping inside the enclave' },
    { value: 100, label: 'Russian-only peacekeeping force' },
  ];

  it('ticks at the anchors, numbers only unless a label length is given', () => {
    const plain = scaleAxis(anchors);
    expect(plain.ticks).toEqual([0, 50, 100]);
    expect(plain.format(50)).toBe('50');
    const labelled = scaleAxis(anchors, 30);
    expect(labelled.format(0)).toBe('0 No foreign forces');
    expect(labelled.format(50)).toBe('50 Joint Russian-Turkish peaceke…');
    // A value that is not an anchor prints as a position.
    expect(labelled.format(37.25)).toBe('37.3');
  });

  it('falls back to quarters for a scale without anchors', () => {
    expect(scaleAxis([]).ticks).toEqual([0, 25, 50, 75, 100]);
  });

  it('formats proportions as whole percentages', () => {
    expect(formatProportion(0.4)).toBe('40%');
    expect(formatProportion(0.325)).toBe('33%');
  });
});

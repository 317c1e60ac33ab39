import { describe, expect, it } from 'vitest';
import { keyboardStep } from '@/components/charts/stance-chart-keys';

// Two actors with readings (Russia at days 1, 5, 9; Turkey at days 4, 10) and one without any.
const series = [{ readings: [{ x: 1 }, { x: 5 }, { x: 9 }] }, { readings: [] }, { readings: [{ x: 4 }, { x: 10 }] }];

describe('moving through the stance chart with the keyboard', () => {
  it('starts at the first reading of the first actor that has readings', () => {
    expect(keyboardStep(series, null, undefined, 'ArrowRight')).toEqual({ series: 0, kind: 'reading', index: 0 });
    expect(keyboardStep(series, null, undefined, 'Home')).toEqual({ series: 0, kind: 'reading', index: 0 });
    expect(keyboardStep(series, null, undefined, 'End')).toEqual({ series: 0, kind: 'reading', index: 2 });
  });

  it('walks one actor’s readings left and right, stopping at both ends', () => {
    expect(keyboardStep(series, { series: 0, kind: 'reading', index: 2 }, 9, 'ArrowRight')).toEqual({ series: 0, kind: 'reading', index: 2 });
    expect(keyboardStep(series, { series: 0, kind: 'reading', index: 1 }, 5, 'ArrowLeft')).toEqual({ series: 0, kind: 'reading', index: 0 });
    expect(keyboardStep(series, { series: 0, kind: 'reading', index: 0 }, 1, 'ArrowLeft')).toEqual({ series: 0, kind: 'reading', index: 0 });
  });

  it('moves up and down to the next actor with readings, to its reading nearest in time, wrapping around', () => {
    expect(keyboardStep(series, { series: 0, kind: 'reading', index: 1 }, 5, 'ArrowDown')).toEqual({ series: 2, kind: 'reading', index: 0 });
    expect(keyboardStep(series, { series: 0, kind: 'reading', index: 2 }, 9, 'ArrowUp')).toEqual({ series: 2, kind: 'reading', index: 1 });
    expect(keyboardStep(series, { series: 2, kind: 'reading', index: 1 }, 10, 'ArrowDown')).toEqual({ series: 0, kind: 'reading', index: 2 });
  });

  it('from a bucket, starts on readings near the bucket’s date', () => {
    expect(keyboardStep(series, { series: 2, kind: 'bucket', index: 0 }, 8, 'ArrowDown')).toEqual({ series: 2, kind: 'reading', index: 1 });
  });

  it('closes on Escape and ignores other keys, and every key when no actor has readings', () => {
    expect(keyboardStep(series, { series: 0, kind: 'reading', index: 1 }, 5, 'Escape')).toBeNull();
    expect(keyboardStep(series, { series: 0, kind: 'reading', index: 1 }, 5, 'a')).toBeUndefined();
    expect(keyboardStep([{ readings: [] }], null, undefined, 'Escape')).toBeUndefined();
    expect(keyboardStep([{ readings: [] }], null, undefined, 'ArrowRight')).toBeUndefined();
  });
});

// Keyboard use of the stance chart: the chart is one tab stop. Left/right walk an actor's readings in
// date order, up/down move to the next actor's reading nearest in time, Home/End jump to the first/last,
// Escape closes.

export type ActivePoint = { series: number; kind: 'reading' | 'bucket'; index: number };

/**
 * The point `key` moves to from `active` (whose x is `activeX`): a point, null for Escape (close the
 * details), or undefined when the key does nothing here.
 */
export function keyboardStep(
  series: readonly { readings: readonly { x: number }[] }[],
  active: ActivePoint | null,
  activeX: number | undefined,
  key: string,
): ActivePoint | null | undefined {
  const order = series.map((s, i) => (s.readings.length ? i : -1)).filter((i) => i >= 0);
  if (!order.length) return undefined;
  const current: ActivePoint = active?.kind === 'reading' ? active : { series: order[0]!, kind: 'reading', index: -1 };
  const last = (series[current.series]?.readings.length ?? 1) - 1;
  switch (key) {
    case 'ArrowRight':
      return { ...current, index: Math.min(last, current.index + 1) };
    case 'ArrowLeft':
      return { ...current, index: Math.max(0, current.index - 1) };
    case 'Home':
      return { ...current, index: 0 };
    case 'End':
      return { ...current, index: last };
    case 'ArrowDown':
    case 'ArrowUp': {
      const at = Math.max(0, order.indexOf(current.series));
      const target = order[(at + (key === 'ArrowDown' ? 1 : order.length - 1)) % order.length]!;
      const readings = series[target]!.readings;
      const x = activeX ?? readings[0]!.x;
      let best = 0;
      readings.forEach((r, k) => {
        if (Math.abs(r.x - x) < Math.abs(readings[best]!.x - x)) best = k;
      });
      return { series: target, kind: 'reading', index: best };
    }
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}

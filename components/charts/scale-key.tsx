import type { Anchor } from '@/lib/issues/schema';

/**
 * The labelled anchor points of an issue's scale as a wrapped list under the axis. Labels live here and
 * not on the axis itself, so they never print over each other at any width (the axis shows numbers only).
 */
export function ScaleKey({ anchors, label = 'Anchor points of the position scale' }: { anchors: Anchor[]; label?: string }) {
  if (anchors.length === 0) return null;
  return (
    <ol className="scale-key" aria-label={label}>
      {anchors.map((a) => (
        <li key={a.value}>
          <b>{a.value}</b> {a.label}
        </li>
      ))}
    </ol>
  );
}

/**
 * Which anchor numbers to print on an axis: the ends always, inner ones only when at least `minGapPct`
 * of the scale away from the last one printed and from the end (a grid line still marks every anchor).
 */
export function axisNumbers(values: number[], minGapPct = 9): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length <= 2) return sorted;
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const shown = [first];
  for (const v of sorted.slice(1, -1)) if (v - shown[shown.length - 1]! >= minGapPct && last - v >= minGapPct) shown.push(v);
  shown.push(last);
  return shown;
}

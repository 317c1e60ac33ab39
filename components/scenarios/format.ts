import { nearestAnchor, type Anchor } from '@/lib/issues/schema';
import type { HistogramBin } from '@/lib/decision-models';

/** A model output with fixed decimals (tables of forecasts line up); positions as recorded use formatPosition (components/charts/format.ts). */
export function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits);
}

export function signed(value: number, digits = 1): string {
  const text = value.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${text}` : text.replace('-', '−');
}

/** "87.5 ≈ Russian-led peacekeeping…" */
export function withAnchor(anchors: Anchor[], value: number): string {
  const a = nearestAnchor(anchors, value);
  return a ? `≈ ${a.label}` : '';
}

/** A histogram bin as "from–to". */
export const binLabel = (b: HistogramBin) => `${b.from}–${b.to}`;

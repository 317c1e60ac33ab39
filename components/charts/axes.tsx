import type { Anchor } from '@/lib/stance/types';
import { formatPosition, truncate } from './format';
import { CHART_INK } from './palette';

// The axes of every recharts chart (stance and scenario): tick style, and the ticks of an axis on an
// issue's 0-100 position scale.

/** Tick labels of every axis. */
export const AXIS_TICK = { fontSize: 11, fill: CHART_INK.tick } as const;

/** The 0-100 scale every ten points, for an axis of positions that is not tied to one issue's anchors. */
export const SCALE_TENS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/** The 0-1 range every 0.2, for an axis of probabilities. */
export const PROBABILITY_FIFTHS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/** "40%" from 0.4. */
export const formatProportion = (value: number) => `${Math.round(value * 100)}%`;

/**
 * An axis on an issue's position scale: a tick at each anchor (quarters for a scale without anchors),
 * labelled with its value and, given `labelLength`, the anchor's label shortened to it (the full labels
 * go under the chart in a ScaleKey).
 */
export function scaleAxis(anchors: readonly Anchor[], labelLength?: number): { ticks: number[]; format: (value: number) => string } {
  const ticks = anchors.length ? anchors.map((a) => a.value) : [0, 25, 50, 75, 100];
  const labels = new Map(anchors.map((a) => [a.value, a.label]));
  return {
    ticks,
    format: (value) => {
      const label = labels.get(value);
      return labelLength !== undefined && label !== undefined ? `${formatPosition(value)} ${truncate(label, labelLength)}` : formatPosition(value);
    },
  };
}

/**
 * A y-axis tick drawn as one line of text (recharts' own tick wraps long labels over several lines),
 * for `tick={oneLineTick(format)}`.
 */
export function oneLineTick(format: (value: number) => string) {
  function OneLineTick(props: { x: number | string; y: number | string; payload: { value: unknown } }) {
    return (
      <text x={Number(props.x)} y={Number(props.y)} dy={4} textAnchor="end" fontSize={AXIS_TICK.fontSize} fill={AXIS_TICK.fill}>
        {format(Number(props.payload.value))}
      </text>
    );
  }
  return OneLineTick;
}

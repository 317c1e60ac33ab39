/**
 * One-at-a-time sensitivity (the data of a tornado chart): how far the headline forecast moves
 * when one actor's position, salience or capability moves by ±`step` points (clamped to 0-100),
 * everything else held. Sorted by the larger of the two moves, largest first.
 */
import type { ModelActor } from './types';
import { forecast, type ForecastModelId } from './forecast';

export const SENSITIVITY_FIELDS = ['position', 'salience', 'capability'] as const;
export type SensitivityField = (typeof SENSITIVITY_FIELDS)[number];

export interface SensitivityBar {
  actorId: string;
  name: string;
  field: SensitivityField;
  /** Forecast minus the base forecast with the value lowered by `step` (clamped at 0). */
  down: number;
  /** Forecast minus the base forecast with the value raised by `step` (clamped at 100). */
  up: number;
}

export function sensitivity(actors: ModelActor[], options: { step?: number; model?: ForecastModelId } = {}): { base: number; bars: SensitivityBar[] } {
  const step = options.step ?? 10;
  if (!Number.isFinite(step) || step <= 0 || step > 100) throw new RangeError(`sensitivity: step must be a number of points in (0, 100] (got ${String(step)})`);
  const run = (input: ModelActor[]) => {
    try {
      return forecast(input, { model: options.model }).value;
    } catch (err) {
      // Lowering the last weighted actor's capability or salience to 0 leaves nothing to forecast.
      if (err instanceof RangeError && /no actor carries any weight/.test(err.message)) return NaN;
      throw err;
    }
  };
  const base = forecast(actors, { model: options.model }).value;
  const bars: SensitivityBar[] = [];
  actors.forEach((actor, i) => {
    for (const field of SENSITIVITY_FIELDS) {
      const moved = (value: number) => run(actors.map((a, j) => (j === i ? { ...a, [field]: Math.min(100, Math.max(0, value)) } : a))) - base;
      bars.push({ actorId: actor.id, name: actor.name, field, down: moved(actor[field] - step), up: moved(actor[field] + step) });
    }
  });
  const reach = (b: SensitivityBar) => Math.max(Math.abs(b.down) || 0, Math.abs(b.up) || 0);
  bars.sort((a, b) => reach(b) - reach(a) || (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : SENSITIVITY_FIELDS.indexOf(a.field) - SENSITIVITY_FIELDS.indexOf(b.field)));
  return { base, bars };
}

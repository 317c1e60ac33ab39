import type { ModelActor } from './types';

/** Bounds of every model input. */
export const SCALE_MIN = 0;
export const SCALE_MAX = 100;

function describe(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  return typeof value;
}

/** Throws a RangeError unless `value` is a finite number in [0, 100]. */
export function checkScale(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${what} must be a finite number between 0 and 100 (got ${describe(value)})`);
  }
  if (value < SCALE_MIN || value > SCALE_MAX) {
    throw new RangeError(`${what} must be between 0 and 100 (got ${value})`);
  }
  return value;
}

function label(actor: { id?: unknown; name?: unknown }, index: number): string {
  const id = typeof actor.id === 'string' && actor.id !== '' ? actor.id : `#${index}`;
  return typeof actor.name === 'string' && actor.name !== '' && actor.name !== id
    ? `actor "${actor.name}" (${id})`
    : `actor "${id}"`;
}

/** Checks an actor list: non-empty, unique non-empty ids, every value in [0, 100]. */
export function validateActors(actors: readonly ModelActor[], fn: string): void {
  if (!Array.isArray(actors) || actors.length === 0) {
    throw new RangeError(`${fn}: the actor list is empty; at least one actor is needed`);
  }
  const seen = new Set<string>();
  actors.forEach((actor, index) => {
    if (typeof actor !== 'object' || actor === null) {
      throw new RangeError(`${fn}: actor #${index} is not an object`);
    }
    if (typeof actor.id !== 'string' || actor.id === '') {
      throw new RangeError(`${fn}: actor #${index} has no id`);
    }
    if (seen.has(actor.id)) {
      throw new RangeError(`${fn}: actor id "${actor.id}" appears more than once`);
    }
    seen.add(actor.id);
    const who = label(actor, index);
    checkScale(actor.position, `${fn}: ${who} position`);
    checkScale(actor.salience, `${fn}: ${who} salience`);
    checkScale(actor.capability, `${fn}: ${who} capability`);
  });
}

/** Weight c_i*s_i of each actor; throws when every weight is zero. */
export function actorWeights(actors: readonly ModelActor[], fn: string): Float64Array {
  const w = new Float64Array(actors.length);
  let total = 0;
  actors.forEach((a, i) => {
    const v = a.capability * a.salience;
    w[i] = v;
    total += v;
  });
  if (!(total > 0)) {
    throw new RangeError(
      `${fn}: every actor has capability x salience = 0, so no actor carries any weight; ` +
        'give at least one actor a non-zero capability and salience',
    );
  }
  return w;
}

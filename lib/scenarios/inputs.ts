/**
 * Turns a baseline and a scenario's stored overrides into the model's inputs. Pure (no I/O) so the
 * server page, the browser and the tests compose a scenario the same way.
 *
 * Rules (README.md in this folder):
 * - An actor in the baseline is modelled unless it is excluded: by the analyst (override row with
 *   `excluded`), or by default when an ancestor of it is in the baseline (`coveredBy`) and the
 *   analyst has not included it (an override row with `excluded: false` includes it).
 * - Override values replace the baseline's number; null keeps it.
 * - An actor not in the baseline is modelled only when its override row gives all three values.
 * - Uncertainty inputs: an overridden value replaces that value in every reading (the reading keeps
 *   its weight, so its jitter still reflects the readings' confidence); an added actor gets one
 *   reading of weight ADDED_ACTOR_WEIGHT; with no capability anywhere the model uses
 *   DEFAULT_CAPABILITY, unjittered.
 */
import type { ModelActor, Reading, UncertainActor } from '../decision-models/types';
import type { ActorOverride, BaselineActor, ComposedActor } from './types';
import { ADDED_ACTOR_WEIGHT, DEFAULT_CAPABILITY } from './weights';

export interface ComposedScenario {
  actors: ComposedActor[];
  /** Deterministic inputs (weighted mean, weighted median, bargaining). */
  model: ModelActor[];
  /** Inputs of the uncertainty run. */
  uncertain: UncertainActor[];
}

const byName = (a: { name: string; actorId: string }, b: { name: string; actorId: string }) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0);

function complete(o: ActorOverride): o is ActorOverride & { position: number; salience: number; capability: number } {
  return o.position !== null && o.salience !== null && o.capability !== null;
}

export function composeScenario(baseline: readonly BaselineActor[], overrides: readonly ActorOverride[]): ComposedScenario {
  const rows = new Map(overrides.map((o) => [o.actorId, o]));
  const actors: ComposedActor[] = [];
  const model: ModelActor[] = [];
  const uncertain: UncertainActor[] = [];

  for (const b of baseline) {
    const o = rows.get(b.actorId);
    const included = o ? !o.excluded : b.defaultIncluded;
    const overridden = Boolean(o && (o.position !== null || o.salience !== null || o.capability !== null));
    const capabilityDefaulted = b.capabilityDefaulted && (o?.capability ?? null) === null;
    const value = {
      position: o?.position ?? b.position,
      salience: o?.salience ?? b.salience,
      capability: o?.capability ?? b.capability,
    };
    actors.push({
      actorId: b.actorId,
      name: b.name,
      status: included ? (overridden ? 'overridden' : 'baseline') : o?.excluded ? 'excluded' : 'covered',
      included,
      baseline: { position: b.position, salience: b.salience, capability: b.capability, capabilityDefaulted: b.capabilityDefaulted, nSources: b.nSources },
      override: o ? { position: o.position, salience: o.salience, capability: o.capability } : null,
      value: included ? value : null,
      capabilityDefaulted: included && capabilityDefaulted,
      coveredBy: b.coveredBy,
    });
    if (!included) continue;
    model.push({ id: b.actorId, name: b.name, ...value });
    uncertain.push({
      id: b.actorId,
      name: b.name,
      readings: b.readings.map(
        (r): Reading => ({
          position: o?.position ?? r.position,
          salience: o?.salience ?? r.salience,
          capability: o?.capability ?? r.capability,
          weight: r.weight,
        }),
      ),
      fallbackCapability: o?.capability ?? DEFAULT_CAPABILITY,
    });
  }

  const inBaseline = new Set(baseline.map((b) => b.actorId));
  for (const o of overrides) {
    if (inBaseline.has(o.actorId)) continue;
    const modelled = !o.excluded && complete(o);
    actors.push({
      actorId: o.actorId,
      name: o.name,
      status: o.excluded ? 'excluded' : modelled ? 'added' : 'incomplete',
      included: modelled,
      baseline: null,
      override: { position: o.position, salience: o.salience, capability: o.capability },
      value: modelled ? { position: o.position as number, salience: o.salience as number, capability: o.capability as number } : null,
      capabilityDefaulted: false,
      coveredBy: null,
    });
    if (!modelled || !complete(o)) continue;
    model.push({ id: o.actorId, name: o.name, position: o.position, salience: o.salience, capability: o.capability });
    uncertain.push({
      id: o.actorId,
      name: o.name,
      readings: [{ position: o.position, salience: o.salience, capability: o.capability, weight: ADDED_ACTOR_WEIGHT }],
    });
  }

  actors.sort(byName);
  model.sort((a, b) => byName({ name: a.name, actorId: a.id }, { name: b.name, actorId: b.id }));
  uncertain.sort((a, b) => byName({ name: a.name, actorId: a.id }, { name: b.name, actorId: b.id }));
  return { actors, model, uncertain };
}

/** The baseline on its own: default inclusion, no overrides. */
export function composeBaseline(baseline: readonly BaselineActor[]): ComposedScenario {
  return composeScenario(baseline, []);
}

/** Why the model cannot run on these inputs, or null when it can. */
export function modelProblem(model: readonly ModelActor[]): string | null {
  if (model.length === 0) return 'No actor is left in this scenario, so there is nothing to forecast. Include at least one actor.';
  if (!model.some((a) => a.capability * a.salience > 0)) {
    return 'Every actor in this scenario has capability × salience = 0, so no actor carries any weight. Give at least one actor a non-zero capability and salience.';
  }
  return null;
}

import type { ActorKind, Confidence, Reliability } from '../generated/prisma/enums';

/** One source's latest reading of an actor up to the as-of date: what feeds a baseline number. */
export interface BaselineReading {
  assessmentId: string;
  sourceId: string;
  sourceTitle: string;
  outlet: string;
  reliability: Reliability;
  confidence: Confidence;
  credibility: number;
  /** YYYY-MM-DD */
  stanceDate: string;
  position: number;
  salience: number;
  capability: number | null;
  /** The source's origin (lib/stance/origins.ts), null when it names none. */
  origin: string | null;
  /** confidence weight x reliability weight */
  ownWeight: number;
  /** ownWeight divided by the number of this actor's sources sharing the origin: what the reading counts with. */
  weight: number;
  quote: string;
}

export interface BaselineActor {
  actorId: string;
  name: string;
  kind: ActorKind;
  parentId: string | null;
  /**
   * The nearest ancestor (parentId chain) that is also in the baseline: it speaks for this actor,
   * so counting both would count one side twice. Null for a top-level actor.
   */
  coveredBy: { id: string; name: string } | null;
  /** Left out by default when `coveredBy` is set; the analyst can include it explicitly. */
  defaultIncluded: boolean;
  position: number;
  salience: number;
  /** DEFAULT_CAPABILITY when no reading gives one (see capabilityDefaulted). */
  capability: number;
  capabilityDefaulted: boolean;
  nSources: number;
  readings: BaselineReading[];
  /** How each number was computed, one line per field, for the "show how" panel. */
  explanation: string[];
}

export interface Baseline {
  issueId: string;
  /** YYYY-MM-DD */
  asOf: string;
  actors: BaselineActor[];
}

/** A stored departure from the baseline for one actor (ScenarioActor). */
export interface ActorOverride {
  actorId: string;
  name: string;
  position: number | null;
  salience: number | null;
  capability: number | null;
  excluded: boolean;
}

export type ComposedStatus =
  /** in the baseline and in the model, no override */
  | 'baseline'
  /** in the baseline and in the model, with at least one value overridden */
  | 'overridden'
  /** not in the baseline; the analyst gave all three values */
  | 'added'
  /** left out by the analyst */
  | 'excluded'
  /** left out by the default rule (a part of another actor in the baseline) */
  | 'covered'
  /** not in the baseline and not all three values given: cannot be modelled */
  | 'incomplete';

export interface ComposedValue {
  position: number;
  salience: number;
  capability: number;
}

export interface ComposedActor {
  actorId: string;
  name: string;
  status: ComposedStatus;
  included: boolean;
  baseline: (ComposedValue & { capabilityDefaulted: boolean; nSources: number }) | null;
  override: { position: number | null; salience: number | null; capability: number | null } | null;
  /** What the model uses; null when the actor is not modelled. */
  value: ComposedValue | null;
  /** True when the capability used is DEFAULT_CAPABILITY (no reading and no override gives one). */
  capabilityDefaulted: boolean;
  coveredBy: { id: string; name: string } | null;
}

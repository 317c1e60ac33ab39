/**
 * Public types of the scenario-modelling library.
 *
 * Everything in lib/decision-models is pure TypeScript (no I/O, no DOM, no Node-only APIs) so that
 * it runs unchanged on the server, in the browser and inside a Web Worker.
 */

/** One actor as the models see it. Every number is on the 0-100 scale. */
export interface ModelActor {
  id: string;
  name: string;
  /** Preferred outcome x_i on the issue continuum (0-100). */
  position: number;
  /** How much the actor cares, s_i (0-100; used as a probability s_i/100 by the bargaining model). */
  salience: number;
  /** Clout / resources, c_i (0-100; only ratios of capabilities matter). */
  capability: number;
}

/** An offer one actor (the proposer) made another in a bargaining round (Scholz et al. 2011, figure 6). */
export interface BargainOffer {
  proposerId: string;
  kind: 'confrontation' | 'compromise' | 'capitulation';
  /** The position the offer would move the receiving actor to. */
  target: number;
}

/** Why an actor moved (or not) in a round: every offer it received and the one it accepted. */
export interface Bargain {
  from: number;
  to: number;
  offers: BargainOffer[];
  /** The accepted offer; null when none was made. */
  accepted: BargainOffer | null;
}

/** State of the simulation after a round. Round 0 is the input state. */
export interface RoundSnapshot {
  round: number;
  /** Position of every actor, keyed by actor id. */
  positions: Record<string, number>;
  /** Weighted median (weights c_i*s_i) of the positions at that round. */
  forecast: number;
  /** Rounds 1+ of `simulateBargaining`: the bargain behind each actor's move, keyed by actor id. */
  bargains?: Record<string, Bargain>;
}

export interface BargainingResult {
  /** Round 0 (inputs) first, then one snapshot per simulated round. */
  rounds: RoundSnapshot[];
  /** The model's outcome; see `simulateBargaining` for how it is read off the rounds. */
  forecast: number;
  /** True when the forecast stabilised (or positions stopped moving) before maxRounds. */
  converged: boolean;
  /** Name of the formulation that produced the result. */
  model: string;
}

/**
 * One analyst's / source's reading of an actor.
 * `weight` = confidence (LOW 1, MODERATE 2, HIGH 3) x source reliability weight, computed by the caller.
 */
export interface Reading {
  position: number;
  salience: number;
  capability: number | null;
  weight: number;
}

export interface UncertainActor {
  id: string;
  name: string;
  readings: Reading[];
  /** Used when no reading carries a capability value. */
  fallbackCapability?: number;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface UncertaintyResult {
  /** One bargaining forecast per draw, sorted ascending. */
  outcomes: number[];
  mean: number;
  median: number;
  p05: number;
  p25: number;
  p75: number;
  p95: number;
  /** 20 bins of width 5 over 0-100; the last bin includes 100. */
  histogram: HistogramBin[];
  draws: number;
  seed: number;
}

export interface BargainingOptions {
  /** Hard cap on simulated rounds (default 100). */
  maxRounds?: number;
  /** A forecast change at or below this counts as "no change" (default 0.01, position units). */
  tolerance?: number;
  /**
   * Which offer an actor accepts when several actors make it the same kind of offer.
   * - 'least-move' (default): the offer that moves it least, as Scholz et al. (2011, section 6.2)
   *   state in prose ("players move the least that they can").
   * - 'scholz-replication': the rule of the public reimplementation that reproduces Scholz et
   *   al.'s published trajectory (see README); it prefers compromises towards the low end of
   *   the scale, so it is offered for replication only.
   */
  offerRule?: 'least-move' | 'scholz-replication';
  /**
   * true (default): stop at the round where the stopping rule fires. false: keep simulating
   * to maxRounds (e.g. to chart later rounds); `converged` and `forecast` are still taken at
   * the round where the rule first fired, so they do not depend on this flag.
   */
  stopEarly?: boolean;
}

export interface UncertaintyOptions {
  draws: number;
  seed: number;
  maxRounds?: number;
  onProgress?: (done: number, total: number) => void;
  shouldCancel?: () => boolean;
}

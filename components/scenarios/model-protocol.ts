// Messages between the page and model.worker.ts. Plain data only (structured clone).
import type { BargainingResult, ModelActor, UncertainActor, UncertaintyResult } from '@/lib/decision-models';

/** One set of inputs to run: a scenario, or the baseline it departs from. */
export interface RunSet {
  key: string;
  model: ModelActor[];
  /** Inputs of the uncertainty run; null to skip it for this set. */
  uncertain: UncertainActor[] | null;
}

export interface RunRequest {
  type: 'run';
  runId: number;
  sets: RunSet[];
  draws: number;
  seed: number;
}

export type ToWorker = RunRequest | { type: 'cancel'; runId: number };

export type Deterministic =
  | { key: string; ok: true; mean: number; median: number; bargaining: BargainingResult }
  | { key: string; ok: false; error: string };

export type FromWorker =
  | { type: 'deterministic'; runId: number; results: Deterministic[] }
  | { type: 'progress'; runId: number; done: number; total: number }
  | { type: 'distribution'; runId: number; key: string; result: UncertaintyResult }
  | { type: 'done'; runId: number; ms: number }
  | { type: 'cancelled'; runId: number; done: number; total: number }
  | { type: 'error'; runId: number; message: string };

// Runs the scenario model off the main thread, in the analyst's browser: the server never runs
// it, and the page stays responsive. The uncertainty run goes in small chunks (lib/scenarios/
// distribution.ts) with a yield to the event loop between them, so a Cancel message is read
// within milliseconds; the page terminates the worker if it does not answer (last resort).
import { runUncertainty, ScenarioCancelledError, simulateBargaining, weightedMean, weightedMedian } from '@/lib/decision-models';
import { chunkPlan, chunkSeed, summariseOutcomes } from '@/lib/scenarios/distribution';
import type { Deterministic, FromWorker, RunRequest, ToWorker } from './model-protocol';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const cancelled = new Set<number>();
const PROGRESS_EVERY_MS = 80;

/** Lets queued messages (a Cancel) be handled before the next chunk. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function run(request: RunRequest): Promise<void> {
  const { runId } = request;
  const started = performance.now();
  const results: Deterministic[] = request.sets.map((set) => {
    try {
      return { key: set.key, ok: true, mean: weightedMean(set.model), median: weightedMedian(set.model), bargaining: simulateBargaining(set.model) };
    } catch (error) {
      return { key: set.key, ok: false, error: message(error) };
    }
  });
  scope.postMessage({ type: 'deterministic', runId, results });

  const sets = request.sets.filter((s) => s.uncertain && s.uncertain.length > 0);
  const total = sets.length * request.draws;
  let done = 0;
  let lastPost = 0;
  const isCancelled = () => cancelled.has(runId);
  for (const set of sets) {
    const outcomes: number[] = [];
    const uncertain = set.uncertain!;
    const plan = chunkPlan(request.draws, uncertain.length);
    for (let k = 0; k < plan.length; k++) {
      if (isCancelled()) {
        scope.postMessage({ type: 'cancelled', runId, done, total });
        return;
      }
      try {
        const part = runUncertainty(uncertain, { draws: plan[k] as number, seed: chunkSeed(request.seed, k), shouldCancel: isCancelled });
        outcomes.push(...part.outcomes);
      } catch (error) {
        if (error instanceof ScenarioCancelledError) {
          scope.postMessage({ type: 'cancelled', runId, done, total });
          return;
        }
        scope.postMessage({ type: 'error', runId, message: message(error) });
        return;
      }
      done += plan[k] as number;
      const now = performance.now();
      if (now - lastPost >= PROGRESS_EVERY_MS || done === total) {
        lastPost = now;
        scope.postMessage({ type: 'progress', runId, done, total });
      }
      await yieldToEvents();
    }
    scope.postMessage({ type: 'distribution', runId, key: set.key, result: summariseOutcomes(outcomes, request.seed) });
  }
  cancelled.delete(runId);
  scope.postMessage({ type: 'done', runId, ms: performance.now() - started });
}

scope.onmessage = (event) => {
  const data = event.data;
  if (data.type === 'cancel') cancelled.add(data.runId);
  else if (data.type === 'run') void run(data);
};

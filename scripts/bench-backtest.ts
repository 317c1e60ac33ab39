/**
 * Benchmark of the backtest: `npm run bench:backtest`.
 *
 * Builds a SYNTHETIC file (random positions, saliences, capabilities and outcomes: timing only,
 * never accuracy) of 300 decisions x 30 actors, then times parsing + the full backtest (every
 * model, 10-fold cross-validation, ensemble fit) against a baseline measured in the same run:
 * the same file scored with the weighted mean alone. Target: under 10 s on this machine.
 */
import os from 'node:os';
import { createRng, weightedMean } from '../lib/decision-models';
import { backtest, parseBacktestCsv } from '../lib/decision-models/backtest';

function syntheticCsv(decisions: number, actors: number, seed: number): string {
  const rng = createRng(seed);
  const lines = ['decision_id,actor,position,salience,capability,outcome'];
  for (let d = 0; d < decisions; d++) {
    const outcome = (rng() * 100).toFixed(1);
    for (let a = 0; a < actors; a++) {
      lines.push(`d${d},actor${a},${(rng() * 100).toFixed(1)},${(10 + rng() * 90).toFixed(1)},${(5 + rng() * 95).toFixed(1)},${outcome}`);
    }
  }
  return lines.join('\n');
}

const text = syntheticCsv(300, 30, 20261202);
console.log(`${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, node ${process.version}`);

let t = performance.now();
const parsed = parseBacktestCsv(text);
let mae = 0;
for (const d of parsed) mae += Math.abs(weightedMean(d.actors) - d.outcome);
const baseline = performance.now() - t;
console.log(`baseline: parse + weighted mean only, 300 x 30: ${(baseline / 1000).toFixed(3)} s (MAE ${(mae / parsed.length).toFixed(1)}, synthetic)`);

t = performance.now();
const report = backtest(parseBacktestCsv(text));
const full = performance.now() - t;
console.log(`full backtest (${report.models.length} models, ensemble, ${report.folds}-fold CV), 300 x 30: ${(full / 1000).toFixed(3)} s (target < 10 s)`);

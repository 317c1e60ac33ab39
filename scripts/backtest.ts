/**
 * Backtest of the scenario models on resolved decisions:
 *   npm run backtest -- <decisions.csv> [--json <report.json>]
 *
 * The CSV format is documented in data/backtest/README.md (one row per actor per decision:
 * decision_id, actor, position, salience, capability, outcome; all on 0-100). Prints, for every
 * model, the ensemble and `forecast`, the mean and median absolute error, the share within 10
 * points, the bias and the coverage of the 80% interval, all out of sample (see
 * lib/decision-models/backtest.ts), and writes the same as JSON (default .data/backtest/<name>.json).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { backtest, parseBacktestCsv, BacktestDataError } from '../lib/decision-models/backtest';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run backtest -- <decisions.csv> [--json <report.json>]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let jsonPath: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg === '--json') {
    jsonPath = args[++i];
    if (!jsonPath) usage('--json needs a file name');
  } else if (arg.startsWith('-')) usage(`Unknown option ${arg}`);
  else if (file) usage(`Only one CSV file, please (got ${file} and ${arg})`);
  else file = arg;
}
if (!file) usage('Which CSV file?');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  usage(`Cannot read ${file}: ${(err as Error).message}`);
}

const started = performance.now();
let decisions;
try {
  decisions = parseBacktestCsv(text);
} catch (err) {
  if (err instanceof BacktestDataError) {
    console.error(`${file}: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
const report = backtest(decisions);
const seconds = (performance.now() - started) / 1000;

const pct = (v: number | null) => (v === null ? '   n/a' : `${(100 * v).toFixed(1).padStart(5)}%`);
const num = (v: number) => v.toFixed(2).padStart(7);
console.log(`${file}: ${report.decisions} decision(s), ${report.actors} actor rows, ${report.folds > 1 ? `${report.folds}-fold cross-validation across decisions` : 'no cross-validation possible (one decision)'}, ${seconds.toFixed(2)} s`);
console.log('');
console.log(`${'model'.padEnd(34)} ${'MAE'.padStart(7)} ${'median'.padStart(7)} ${'<=10'.padStart(6)} ${'bias'.padStart(7)} ${'80% cov'.padStart(7)}`);
for (const m of report.models) {
  const label = m.id === 'forecast' ? 'forecast() [headline]' : m.id;
  console.log(`${label.padEnd(34)} ${num(m.meanAbsError)} ${num(m.medianAbsError)} ${pct(m.within10)} ${num(m.bias)} ${pct(m.coverage80)}`);
}
console.log('');
for (const m of report.models) console.log(`${m.id}: ${m.name}; ${m.fitted}`);
for (const note of report.notes) console.log(`Note: ${note}`);

const out = jsonPath ?? path.join('.data', 'backtest', `${path.basename(file, path.extname(file))}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ file: path.relative(process.cwd(), path.resolve(file)), seconds, ...report }, null, 2) + '\n');
console.log(`\nJSON written to ${out}`);

'use client';

import { useId, useState } from 'react';
import type { ModelActor, UncertainActor } from '@/lib/decision-models';
import type { Anchor } from '@/lib/issues/schema';
import { DistributionChart, DistributionStats, HistogramTable, RoundsChart, RoundsTable } from './charts';
import { ChartTable } from '@/components/charts/chart-table';
import { ScaleKey } from '@/components/charts/scale-key';
import { num, signed, withAnchor } from './format';
import type { Deterministic } from './model-protocol';
import { useModelRun } from './use-model-run';
import { BargainLog, type BargainPick } from './bargain-log';

export const DRAW_CHOICES = [500, 1000, 2000, 5000, 10_000, 20_000];
export const DEFAULT_DRAWS = 2000;
export const DEFAULT_SEED = 1;

type Ok = Extract<Deterministic, { ok: true }>;

/** Draw count and seed inputs shared by the scenario page and the compare page. */
export function RunControls({
  draws,
  seed,
  onDraws,
  onSeed,
  disabled,
}: {
  draws: number;
  seed: number;
  onDraws: (n: number) => void;
  onSeed: (n: number) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-draws`}>Uncertainty draws</label>
        <select id={`${id}-draws`} value={draws} onChange={(e) => onDraws(Number(e.target.value))} disabled={disabled}>
          {DRAW_CHOICES.map((n) => (
            <option key={n} value={n}>{n.toLocaleString('en-GB')}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-seed`}>Seed</label>
        <input
          id={`${id}-seed`}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={seed}
          onChange={(e) => onSeed(Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
          disabled={disabled}
          style={{ width: 110 }}
          aria-describedby={`${id}-seed-hint`}
        />
        <span className="hint" id={`${id}-seed-hint`}>Same seed, same inputs: same distribution</span>
      </div>
    </>
  );
}

export function RunProgress({ status, done, total, terminated }: { status: string; done: number; total: number; terminated: boolean }) {
  const running = status === 'running' || status === 'cancelling';
  const text =
    status === 'running'
      ? `Uncertainty run: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} draws…`
      : status === 'cancelling'
        ? 'Cancelling…'
        : status === 'cancelled'
          ? `Cancelled after ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} draws${terminated ? ' (the model was stopped)' : ''}. The forecasts above are complete; the distribution was not computed.`
          : status === 'done'
            ? `Done: ${total.toLocaleString('en-GB')} draws.`
            : '';
  return (
    <div className="sc-progress">
      {running && <progress value={done} max={Math.max(1, total)} aria-label="Uncertainty run progress" />}
      <span role="status" aria-live="polite" className="small">{text}</span>
    </div>
  );
}

function forecastRows(d: Ok) {
  return [
    { key: 'mean', label: 'Weighted mean', hint: 'sum(c·s·x) / sum(c·s)', value: d.mean },
    { key: 'median', label: 'Weighted median', hint: 'the position no weighted majority can beat', value: d.median },
    { key: 'bargaining', label: 'Bargaining forecast', hint: 'Bueno de Mesquita expected-utility model', value: d.bargaining.forecast },
  ];
}

function convergence(d: Ok): string {
  const rounds = d.bargaining.rounds.length - 1;
  return d.bargaining.converged ? `settled after ${rounds} round${rounds === 1 ? '' : 's'}` : `did not settle within ${rounds} rounds (forecast averaged)`;
}

/**
 * The scenario's forecasts next to the baseline's, computed in the browser's worker on demand:
 * weighted mean, weighted median, the bargaining run round by round, and the uncertainty run.
 */
export function ForecastPanel({
  scenario,
  baseline,
  anchors,
  problem,
}: {
  scenario: { model: ModelActor[]; uncertain: UncertainActor[] };
  baseline: { model: ModelActor[] } | null;
  anchors: Anchor[];
  problem: string | null;
}) {
  const { state, start, cancel } = useModelRun();
  const [draws, setDraws] = useState(DEFAULT_DRAWS);
  const [seed, setSeed] = useState(DEFAULT_SEED);
  const running = state.status === 'running' || state.status === 'cancelling';

  const run = () =>
    start(
      [
        { key: 'scenario', model: scenario.model, uncertain: scenario.uncertain },
        ...(baseline && baseline.model.length ? [{ key: 'baseline', model: baseline.model, uncertain: null }] : []),
      ],
      draws,
      seed,
    );

  const sc = state.deterministic?.scenario;
  const base = state.deterministic?.baseline;
  const dist = state.distributions.scenario;
  const actors = scenario.model.map((a) => ({ id: a.id, name: a.name }));
  const [pick, setPick] = useState<BargainPick | null>(null);
  const roundCount = sc?.ok ? sc.bargaining.rounds.length - 1 : 0;
  const shownPick: BargainPick | null = roundCount > 0 && actors[0] ? { actorId: pick?.actorId ?? actors[0].id, round: Math.min(Math.max(1, pick?.round ?? 1), roundCount) } : null;

  return (
    <section className="panel" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Forecast</h2>
      <p className="small muted">
        The model runs in your browser (a background worker), not on the server. Inputs are the ones listed above; the baseline column uses the
        baseline inputs without this scenario’s changes.
      </p>
      {problem ? (
        <div className="notice notice-warn">{problem}</div>
      ) : (
        <div className="sc-run-controls">
          <RunControls draws={draws} seed={seed} onDraws={setDraws} onSeed={setSeed} disabled={running} />
          <div className="actions">
            <button type="button" className="btn-primary" onClick={run} disabled={running}>
              {state.status === 'idle' ? 'Run the model' : 'Run again'}
            </button>
            <button type="button" onClick={cancel} disabled={state.status !== 'running'}>
              Cancel
            </button>
          </div>
          <RunProgress status={state.status} done={state.progress.done} total={state.progress.total} terminated={state.terminated} />
        </div>
      )}
      {state.status === 'error' && <div className="notice notice-error" role="alert">The model could not run: {state.error}</div>}
      {sc && !sc.ok && <div className="notice notice-error" role="alert">The model could not run on these inputs: {sc.error}</div>}

      {sc?.ok && (
        <>
          <table className="data sc-forecast" aria-label="Forecast: baseline and this scenario">
            <caption className="sc-caption">Where the decision lands, on the issue’s 0–100 scale</caption>
            <thead>
              <tr>
                <th>Forecast</th>
                {base && <th className="num">Baseline</th>}
                <th className="num">This scenario</th>
                {base && <th className="num">Change</th>}
                <th>Reads as</th>
              </tr>
            </thead>
            <tbody>
              {forecastRows(sc).map((row) => {
                const b = base?.ok ? forecastRows(base).find((r) => r.key === row.key)?.value : undefined;
                return (
                  <tr key={row.key} data-forecast={row.key}>
                    <th scope="row">
                      {row.label}
                      <div className="small muted" style={{ fontWeight: 400 }}>{row.hint}</div>
                    </th>
                    {base && <td className="num" data-cell="baseline">{b === undefined ? '—' : num(b)}</td>}
                    <td className="num" data-cell="scenario"><strong>{num(row.value)}</strong></td>
                    {base && <td className="num" data-cell="change">{b === undefined ? '—' : signed(row.value - b)}</td>}
                    <td className="small">{withAnchor(anchors, row.value)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="small muted">
            Bargaining: {sc.bargaining.model}; this scenario {convergence(sc)}
            {base?.ok ? `, the baseline ${convergence(base)}` : ''}.
          </p>

          <h3 style={{ marginTop: 16 }}>How the positions move, round by round</h3>
          <RoundsChart
            rounds={sc.bargaining.rounds}
            actors={actors}
            anchors={anchors}
            title="Positions of each actor by bargaining round, with the forecast"
            onPick={(actorId, round) => setPick({ actorId, round: Math.max(1, round) })}
          />
          <ScaleKey anchors={anchors} />
          {shownPick && (
            <>
              <h3 style={{ marginTop: 16 }}>Why it moved</h3>
              <p className="small muted">Click a point of an actor’s line, or choose the actor and round, to see the offers it received and the one it accepted.</p>
              <BargainLog rounds={sc.bargaining.rounds} actors={actors} pick={shownPick} onPick={setPick} />
            </>
          )}
          <ChartTable summary="Round-by-round positions as a table">
            <RoundsTable rounds={sc.bargaining.rounds} actors={actors} caption="Position of each actor after each round, and the round’s forecast (weighted median)" />
          </ChartTable>
        </>
      )}

      {dist && (
        <>
          <h3 style={{ marginTop: 16 }}>Uncertainty: the spread of outcomes</h3>
          <p className="small muted">
            Each draw picks one reading per actor (in proportion to its weight), jitters it by its confidence, and runs the bargaining model.
            Overridden values replace the readings’ values; added actors are read as one high-confidence reading.
          </p>
          <DistributionStats result={dist} caption="Distribution of the bargaining forecast over the draws" />
          <DistributionChart result={dist} title="Histogram of bargaining forecasts over the draws" />
          <ScaleKey anchors={anchors} />
          <ChartTable summary="Histogram as a table">
            <HistogramTable results={[{ name: 'This scenario', result: dist }]} caption="Draws per 5-point band of the forecast" />
          </ChartTable>
        </>
      )}
    </section>
  );
}

'use client';

import { useState } from 'react';
import type { ModelActor, UncertainActor } from '@/lib/decision-models';
import type { Anchor } from '@/lib/issues/schema';
import { DistributionOverlay, HistogramTable } from './charts';
import { DEFAULT_DRAWS, DEFAULT_SEED, RunControls, RunProgress } from './forecast-panel';
import { ChartTable } from '@/components/charts/chart-table';
import { ScaleKey } from '@/components/charts/scale-key';
import { num, withAnchor } from './format';
import { useModelRun } from './use-model-run';

export interface CompareScenario {
  key: string;
  name: string;
  model: ModelActor[];
  uncertain: UncertainActor[];
  problem: string | null;
}

/** Runs every compared scenario in the worker and shows their forecasts and distributions side by side. */
export function CompareRun({ scenarios, anchors }: { scenarios: CompareScenario[]; anchors: Anchor[] }) {
  const { state, start, cancel } = useModelRun();
  const [draws, setDraws] = useState(DEFAULT_DRAWS);
  const [seed, setSeed] = useState(DEFAULT_SEED);
  const runnable = scenarios.filter((s) => !s.problem);
  const running = state.status === 'running' || state.status === 'cancelling';
  const run = () => start(runnable.map((s) => ({ key: s.key, model: s.model, uncertain: s.uncertain })), draws, seed);
  const det = state.deterministic;
  const dists = runnable.filter((s) => state.distributions[s.key]).map((s) => ({ key: s.key, name: s.name, result: state.distributions[s.key]! }));
  const allDists = dists.length === runnable.length && dists.length > 0;

  const rows: { label: string; value: (key: string) => number | undefined; strong?: boolean }[] = [
    { label: 'Weighted mean', value: (k) => (det?.[k]?.ok ? det[k].mean : undefined) },
    { label: 'Weighted median', value: (k) => (det?.[k]?.ok ? det[k].median : undefined) },
    { label: 'Bargaining forecast', value: (k) => (det?.[k]?.ok ? det[k].bargaining.forecast : undefined), strong: true },
    { label: 'Uncertainty p05', value: (k) => state.distributions[k]?.p05 },
    { label: 'Uncertainty p25', value: (k) => state.distributions[k]?.p25 },
    { label: 'Uncertainty median', value: (k) => state.distributions[k]?.median, strong: true },
    { label: 'Uncertainty p75', value: (k) => state.distributions[k]?.p75 },
    { label: 'Uncertainty p95', value: (k) => state.distributions[k]?.p95 },
  ];

  return (
    <section className="panel" aria-labelledby="compare-forecast-heading">
      <h2 id="compare-forecast-heading">Forecasts</h2>
      <p className="small muted">Every scenario runs with the same draws and seed, in your browser.</p>
      {scenarios
        .filter((s) => s.problem)
        .map((s) => (
          <div key={s.key} className="notice notice-warn">{s.name}: {s.problem}</div>
        ))}
      <div className="sc-run-controls">
        <RunControls draws={draws} seed={seed} onDraws={setDraws} onSeed={setSeed} disabled={running} />
        <div className="actions">
          <button type="button" className="btn-primary" onClick={run} disabled={running || runnable.length === 0}>
            {state.status === 'idle' ? 'Run all' : 'Run again'}
          </button>
          <button type="button" onClick={cancel} disabled={state.status !== 'running'}>Cancel</button>
        </div>
        <RunProgress status={state.status} done={state.progress.done} total={state.progress.total} terminated={state.terminated} />
      </div>
      {state.status === 'error' && <div className="notice notice-error" role="alert">The model could not run: {state.error}</div>}
      {det && (
        <div className="sc-scroll">
          <table className="data sc-compare" aria-label="Forecasts of the compared scenarios">
            <thead>
              <tr>
                <th>Forecast</th>
                {runnable.map((s) => (
                  <th key={s.key} className="num">{s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {runnable.map((s) => {
                    const value = row.value(s.key);
                    return (
                      <td key={s.key} className="num">
                        {row.strong ? <strong>{num(value)}</strong> : num(value)}
                        {row.strong && value !== undefined && <div className="small muted">{withAnchor(anchors, value)}</div>}
                      </td>
                    );
                  })}
                </tr>
              ))}
              {runnable.some((s) => det[s.key] && !det[s.key]!.ok) && (
                <tr>
                  <th scope="row">Errors</th>
                  {runnable.map((s) => {
                    const d = det[s.key];
                    return <td key={s.key} className="small">{d && !d.ok ? d.error : ''}</td>;
                  })}
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {allDists && (
        <>
          <h3 style={{ marginTop: 16 }}>Distributions of the bargaining forecast</h3>
          <DistributionOverlay results={dists} title="Share of draws per 5-point band, one line per scenario" />
          <ScaleKey anchors={anchors} />
          <ChartTable summary="Distributions as a table">
            <HistogramTable results={dists} caption="Draws per 5-point band of the forecast, per scenario" />
          </ChartTable>
        </>
      )}
    </section>
  );
}

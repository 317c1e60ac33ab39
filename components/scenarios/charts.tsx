'use client';

import dynamic from 'next/dynamic';
import type { RoundSnapshot, UncertaintyResult } from '@/lib/decision-models';
import { chartPlaceholder } from '@/components/charts/skeletons';
import { binLabel, num } from './format';

// The charts themselves (recharts) are in ./drawn-charts and load only when one is drawn; the tables
// here stay in the page's own code. The placeholder keeps the chart's height while its code loads.
export const RoundsChart = dynamic(() => import('./drawn-charts').then((m) => m.RoundsChart), { ssr: false, loading: chartPlaceholder(360) });
export const DistributionChart = dynamic(() => import('./drawn-charts').then((m) => m.DistributionChart), { ssr: false, loading: chartPlaceholder(300) });
export const DistributionOverlay = dynamic(() => import('./drawn-charts').then((m) => m.DistributionOverlay), { ssr: false, loading: chartPlaceholder(320) });
export const LikelihoodChart = dynamic(() => import('./drawn-charts').then((m) => m.LikelihoodChart), { ssr: false, loading: chartPlaceholder(300) });
export const CalibrationChart = dynamic(() => import('./calibration-chart').then((m) => m.CalibrationChart), { ssr: false, loading: chartPlaceholder(320) });

export function RoundsTable({ rounds, actors, caption }: { rounds: RoundSnapshot[]; actors: { id: string; name: string }[]; caption: string }) {
  return (
    <div className="sc-scroll">
      <table className="data" aria-label={caption}>
        <caption className="sc-caption">{caption}</caption>
        <thead>
          <tr>
            <th className="num">Round</th>
            {actors.map((a) => (
              <th key={a.id} className="num">{a.name}</th>
            ))}
            <th className="num">Forecast</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.round}>
              <td className="num">{r.round}</td>
              {actors.map((a) => (
                <td key={a.id} className="num">{num(r.positions[a.id])}</td>
              ))}
              <td className="num"><strong>{num(r.forecast)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DistributionStats({ result, caption }: { result: UncertaintyResult; caption: string }) {
  return (
    <table className="data sc-stats" aria-label={caption}>
      <caption className="sc-caption">{caption}</caption>
      <thead>
        <tr>
          <th className="num">p05</th>
          <th className="num">p25</th>
          <th className="num">Median</th>
          <th className="num">p75</th>
          <th className="num">p95</th>
          <th className="num">Mean</th>
          <th className="num">Draws</th>
          <th className="num">Seed</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="num">{num(result.p05)}</td>
          <td className="num">{num(result.p25)}</td>
          <td className="num"><strong>{num(result.median)}</strong></td>
          <td className="num">{num(result.p75)}</td>
          <td className="num">{num(result.p95)}</td>
          <td className="num">{num(result.mean)}</td>
          <td className="num">{result.draws.toLocaleString('en-GB')}</td>
          <td className="num">{result.seed}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function HistogramTable({ results, caption }: { results: { name: string; result: UncertaintyResult }[]; caption: string }) {
  const bins = results[0]?.result.histogram ?? [];
  return (
    <div className="sc-scroll">
      <table className="data" aria-label={caption}>
        <caption className="sc-caption">{caption}</caption>
        <thead>
          <tr>
            <th>Forecast between</th>
            {results.map((r) => (
              <th key={r.name} className="num">{results.length > 1 ? `${r.name}: ` : ''}draws (share)</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bins.map((b, k) => (
            <tr key={b.from}>
              <td>{binLabel(b)}{k === bins.length - 1 ? ' (incl. 100)' : ''}</td>
              {results.map((r) => {
                const count = r.result.histogram[k]?.count ?? 0;
                return (
                  <td key={r.name} className="num">
                    {count} ({num((100 * count) / r.result.draws)}%)
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface EstimatePoint {
  analystId: string;
  analystName: string;
  day: string;
  percent: number;
}

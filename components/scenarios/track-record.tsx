import Link from '@/components/ui/link';
import type { Anchor } from '@/lib/issues/schema';
import type { ForecastResult } from '@/lib/decision-models';
import type { ModelScore } from '@/lib/decision-models/backtest';
import type { ErrorSummary } from '@/lib/scenarios/track-record';
import { num, signed, withAnchor } from './format';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export interface ModelRecordRow extends ErrorSummary {
  model: string;
  name: string;
  headline: boolean;
}

/** The one forecast the page leads with: value, interval, model, and that model's record. */
export function HeadlineForecast({
  forecast,
  anchors,
  record,
  shipped,
}: {
  forecast: ForecastResult;
  anchors: Anchor[];
  record: ModelRecordRow | undefined;
  shipped: ModelScore | undefined;
}) {
  return (
    <section className="panel" aria-labelledby="headline-heading">
      <h2 id="headline-heading">Headline forecast</h2>
      <p className="sc-headline">
        <strong data-testid="headline-forecast">{num(forecast.value)}</strong> <span className="muted">{withAnchor(anchors, forecast.value)}</span>
      </p>
      <p>
        80% interval <strong data-testid="headline-interval">{num(forecast.interval.p10)}–{num(forecast.interval.p90)}</strong>: the outcome should land inside it four times in five.
      </p>
      <p>
        Model: <strong>{forecast.model}</strong> <span className="small muted">({forecast.citation})</span>
      </p>
      <p data-testid="headline-record">
        Track record:{' '}
        {record && record.count > 0
          ? `mean absolute error ${num(record.meanAbsError)} points over ${record.count} resolved scenario${record.count === 1 ? '' : 's'} of this workspace, ${pct(record.coverage)} inside the interval.`
          : 'no scenario of this workspace has been resolved with a position yet.'}{' '}
        {shipped && `On the shipped real decisions: ${num(shipped.meanAbsError)} points (${shipped.decisions} decision${shipped.decisions === 1 ? '' : 's'}).`}{' '}
        <Link href="/scenarios/track-record">Every model’s record</Link>
      </p>
      <p className="small muted">
        Why this model: on several hundred resolved EU decisions the capability × salience weighted mean has been more accurate than the bargaining simulation and the
        weighted median, so it leads until another model beats it on the record. The bargaining run below shows how positions may move.
      </p>
    </section>
  );
}

/** Each model's frozen forecast of a resolved scenario against the position reached. */
export function ModelScoresTable({
  rows,
}: {
  rows: { model: string; name: string; forecast: number; p10: number; p90: number; outcome: number; error: number; covered: boolean; headline: boolean }[];
}) {
  return (
    <table className="data" aria-label="Each model’s forecast against the position reached">
      <thead>
        <tr>
          <th>Model</th>
          <th className="num">Forecast</th>
          <th className="num">80% interval</th>
          <th className="num">Position reached</th>
          <th className="num">Error</th>
          <th>Inside the interval</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.model} data-model={r.model}>
            <td>
              {r.name}
              {r.headline && <span className="badge">headline</span>}
            </td>
            <td className="num">{num(r.forecast)}</td>
            <td className="num">
              {num(r.p10)}–{num(r.p90)}
            </td>
            <td className="num">{num(r.outcome)}</td>
            <td className="num">{signed(r.error)}</td>
            <td>{r.covered ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Mean absolute error, coverage and count per model (or analyst). */
export function RecordTable({ label, rows, who }: { label: string; who: string; rows: { key: string; name: string; headline?: boolean; summary: ErrorSummary }[] }) {
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th>{who}</th>
          <th className="num">Mean absolute error</th>
          <th className="num">Inside the 80% interval</th>
          <th className="num">Resolved scenarios</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <td>
              {r.name}
              {r.headline && <span className="badge">headline</span>}
            </td>
            <td className="num">{num(r.summary.meanAbsError)}</td>
            <td className="num">{pct(r.summary.coverage)}</td>
            <td className="num">{r.summary.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A backtest report on shipped data: every row is out of sample (see lib/decision-models/backtest.ts). */
export function BacktestTable({ label, models }: { label: string; models: ModelScore[] }) {
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th>Model</th>
          <th className="num">Mean abs. error</th>
          <th className="num">Median abs. error</th>
          <th className="num">Within 10</th>
          <th className="num">Bias</th>
          <th className="num">80% coverage</th>
          <th>Fitted</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td className="num">{num(m.meanAbsError)}</td>
            <td className="num">{num(m.medianAbsError)}</td>
            <td className="num">{pct(m.within10)}</td>
            <td className="num">{signed(m.bias)}</td>
            <td className="num">{pct(m.coverage80)}</td>
            <td className="small muted">{m.fitted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

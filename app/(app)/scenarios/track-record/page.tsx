import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { INTERVAL_RANGE_SHARE } from '@/lib/decision-models';
import { SHIPPED_BACKTESTS } from '@/lib/scenarios/backtest-figures';
import { analystPositionTrackRecord, modelTrackRecord } from '@/lib/scenarios/track-record-queries';
import { BacktestTable, RecordTable } from '@/components/scenarios/track-record';
import '../../../scenarios.css';

export const metadata: Metadata = { title: 'Track record' };

export default async function TrackRecordPage() {
  const ctx = await requirePageContext();
  const [models, analysts] = await Promise.all([modelTrackRecord(ctx), analystPositionTrackRecord(ctx)]);
  return (
    <>
      <div className="breadcrumbs"><Link href="/scenarios">Scenarios</Link> /</div>
      <div className="page-head">
        <div>
          <h1>Track record</h1>
          <div className="sub">How far each model’s and each analyst’s forecast was from the position the issue actually reached.</div>
        </div>
      </div>

      <section className="panel" aria-labelledby="models-heading">
        <h2 id="models-heading">Models, on this workspace’s resolved scenarios and issues</h2>
        <p className="small muted">
          When a scenario is resolved with the position reached, every model’s forecast on its inputs at that moment is frozen and scored; when an issue is
          resolved, the same is done on its actors’ current positions. The 80% interval is the forecast ± {INTERVAL_RANGE_SHARE} × the range of the actors’ positions.
        </p>
        <RecordTable
          label="Each model’s record on this workspace’s resolved scenarios and issues"
          who="Model"
          rows={models.map((m) => ({ key: m.model, name: m.name, headline: m.headline, summary: m }))}
        />
      </section>

      <section className="panel" aria-labelledby="analysts-heading">
        <h2 id="analysts-heading">Analysts’ forecast positions</h2>
        {analysts.length ? (
          <RecordTable
            label="Each analyst’s record of forecast positions"
            who="Analyst"
            rows={analysts.map((a) => ({ key: a.analystId, name: a.analystName, summary: a }))}
          />
        ) : (
          <p className="muted">No analyst gave a forecast position on a scenario that has since been resolved with the position reached.</p>
        )}
        <p className="small muted">
          Per scenario, each analyst’s final estimate before resolution that gave a position counts. Analysts give a point, not an interval, so there is no coverage.
          Brier scores of the likelihood estimates are on the <Link href="/scenarios">Scenarios</Link> page.
        </p>
      </section>

      {SHIPPED_BACKTESTS.map((b) => (
        <section key={b.label} className="panel" aria-labelledby={`backtest-${b.label}`}>
          <h2 id={`backtest-${b.label}`}>Backtest on shipped real decisions: {b.label}</h2>
          <p className="small muted">
            {b.source}. Reproduce with <code>npm run backtest</code> (data/backtest/README.md). {b.report.notes.join(' ')}
          </p>
          <BacktestTable label={`Backtest: ${b.label}`} models={b.report.models} />
        </section>
      ))}
    </>
  );
}

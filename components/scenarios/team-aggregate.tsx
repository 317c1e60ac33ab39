import Link from '@/components/ui/link';
import type { TeamAggregate } from '@/lib/scenarios/calibration';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** The team's view in one line, or why it is not shown. */
export function TeamAggregateLine({ aggregate }: { aggregate: TeamAggregate | null }) {
  if (!aggregate) {
    return <p className="notice notice-warn">Colleagues’ estimates stay hidden until you have recorded yours, so that they do not anchor it.</p>;
  }
  if (aggregate.n === 0) return null;
  return (
    <p className="small" aria-label="Team aggregate">
      <strong>Team:</strong> median {pct(aggregate.median)}, recency-weighted mean {pct(aggregate.recencyWeightedMean)} (each analyst’s latest estimate, n = {aggregate.n};
      weights halve every {aggregate.halfLifeDays} days). <Link href="/scenarios/calibration">Calibration of past forecasts</Link>
    </p>
  );
}

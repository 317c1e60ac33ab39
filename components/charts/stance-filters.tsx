import Link from '@/components/ui/link';
import type { StanceFilters } from '@/lib/stance/schema';
import { CONFIDENCE_ORDER, RELIABILITY_FILTER_NOTE, RELIABILITY_ORDER, STANCE_WEIGHTS, type SourceKindCode } from '@/lib/stance/weights';
import { CONFIDENCE_LABELS } from '@/lib/assessments/schema';
import { SOURCE_KIND_LABELS } from '@/lib/sources/schema';

/** "confidence Low 1 · Moderate 2 · High 3 × reliability A 1.0 · … · F 0.3": the numbers the weighting uses. */
export function weightsText(): string {
  const conf = CONFIDENCE_ORDER.map((c) => `${CONFIDENCE_LABELS[c]} ${STANCE_WEIGHTS.confidence[c]}`).join(' · ');
  const rel = RELIABILITY_ORDER.map((g) => `${g} ${STANCE_WEIGHTS.reliability[g].toFixed(1)}`).join(' · ');
  return `weight = confidence (${conf}) × source reliability (${rel})`;
}

/**
 * The filters of a stance chart, as a GET form: they live in the URL, so a view can be bookmarked and
 * shared, and work without JavaScript.
 */
export function StanceFilterForm({
  action,
  filters,
  actors,
  sources,
}: {
  action: string;
  filters: StanceFilters;
  actors: { id: string; name: string }[];
  sources: { id: string; title: string; outlet: string; kind: SourceKindCode; reliability: string }[];
}) {
  return (
    <form method="get" action={action} className="stance-filters" role="search" aria-label="Chart filters">
      <fieldset>
        <legend>Actors</legend>
        <div className="checks">
          {actors.map((a) => (
            <label key={a.id}>
              <input type="checkbox" name="actor" value={a.id} defaultChecked={filters.actors.includes(a.id)} /> {a.name}
            </label>
          ))}
        </div>
        <div className="hint">None ticked: all actors.</div>
      </fieldset>
      <fieldset className="wide">
        <legend>Sources</legend>
        <div className="checks">
          {sources.map((s) => (
            <label key={s.id}>
              <input type="checkbox" name="source" value={s.id} defaultChecked={filters.sources.includes(s.id)} />
              <span>
                {s.outlet} <span className="muted small">({s.reliability})</span>
                {s.title !== s.outlet && <span className="muted small"> · {s.title.length > 70 ? `${s.title.slice(0, 69)}…` : s.title}</span>}
              </span>
            </label>
          ))}
        </div>
        <div className="hint">None ticked: all sources.</div>
      </fieldset>
      <fieldset>
        <legend>Source kinds</legend>
        <div className="checks">
          {(Object.keys(SOURCE_KIND_LABELS) as SourceKindCode[]).map((k) => (
            <label key={k}>
              <input type="checkbox" name="kind" value={k} defaultChecked={filters.kinds.includes(k)} /> {SOURCE_KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="stack" style={{ gap: 10 }}>
        <div className="field">
          <label htmlFor="f-from">Stance from</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-to">Stance to</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-mark">Mark a date</label>
          <input id="f-mark" name="mark" type="date" defaultValue={filters.marks[0] ?? ''} aria-describedby="f-mark-hint" />
          <span id="f-mark-hint" className="hint">Draws a reference line (e.g. an agreement).</span>
        </div>
      </div>
      <div className="stack" style={{ gap: 10 }}>
        <div className="field">
          <label htmlFor="f-confidence">Minimum confidence</label>
          <select id="f-confidence" name="confidence" defaultValue={filters.minConfidence ?? ''}>
            <option value="">Any</option>
            <option value="MODERATE">Moderate or high</option>
            <option value="HIGH">High only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-reliability">Minimum source reliability</label>
          <select id="f-reliability" name="reliability" defaultValue={filters.minReliability === 'F' ? '' : (filters.minReliability ?? '')} aria-describedby="f-reliability-hint">
            <option value="">Any (A–F)</option>
            <option value="A">A only</option>
            <option value="B">A–B</option>
            <option value="C">A–C</option>
            <option value="D">A–D</option>
            <option value="E">A–E (not F)</option>
          </select>
          <span id="f-reliability-hint" className="hint">{RELIABILITY_FILTER_NOTE}</span>
        </div>
      </div>
      <div className="stack" style={{ gap: 10 }}>
        <div className="field">
          <label htmlFor="f-agg">Line shows</label>
          <select id="f-agg" name="agg" defaultValue={filters.agg}>
            <option value="mean">Mean</option>
            <option value="median">Median</option>
          </select>
        </div>
        <label className="row" style={{ fontWeight: 400, fontSize: 13 }}>
          <input type="checkbox" name="weighted" value="1" defaultChecked={filters.weighted} aria-describedby="f-weights" /> Weighted
        </label>
        <span id="f-weights" className="hint">{weightsText()}</span>
        <label className="row" style={{ fontWeight: 400, fontSize: 13 }}>
          <input type="checkbox" name="undisputed" value="1" defaultChecked={filters.undisputed} /> Undisputed readings only
        </label>
        <label className="row" style={{ fontWeight: 400, fontSize: 13 }}>
          <input type="checkbox" name="origins" value="all" defaultChecked={filters.origins === 'all'} aria-describedby="f-origins" /> Count every
          source whole
        </label>
        <span id="f-origins" className="hint">
          Off (default): in weighted figures, sources that share an origin share one weight.
        </span>
      </div>
      <div className="stack" style={{ gap: 10 }}>
        <div className="field">
          <label htmlFor="f-bucket">Group by</label>
          <select id="f-bucket" name="bucket" defaultValue={filters.bucket}>
            <option value="auto">Automatic</option>
            <option value="day">Day</option>
            <option value="week">Week (from Monday)</option>
            <option value="month">Month</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-band">Band</label>
          <select id="f-band" name="band" defaultValue={filters.band}>
            <option value="range">Min–max of the readings</option>
            <option value="sd">Mean ± 1 sample SD</option>
            <option value="none">None</option>
          </select>
        </div>
      </div>
      <div className="buttons">
        <button type="submit" className="btn-primary">Apply</button>
        <Link className="btn" href={action}>Reset</Link>
      </div>
    </form>
  );
}

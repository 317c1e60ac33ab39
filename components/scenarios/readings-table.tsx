import Link from '@/components/ui/link';
import type { BaselineActor } from '@/lib/scenarios/types';
import { STANCE_WEIGHTS } from '@/lib/stance/weights';
import { num } from './format';
import { truncate } from '@/components/charts/format';

const CONFIDENCE_TEXT = { LOW: 'Low', MODERATE: 'Moderate', HIGH: 'High' } as const;

/** "Show how": the readings behind one actor's baseline numbers, and the arithmetic. */
export function ReadingsTable({ actor }: { actor: BaselineActor }) {
  return (
    <div className="sc-how">
      <ul className="sc-explain">
        {actor.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <table className="data" aria-label={`Readings behind ${actor.name}’s baseline`}>
        <thead>
          <tr>
            <th>Source</th>
            <th>Stance date</th>
            <th>Weight</th>
            <th className="num">Position</th>
            <th className="num">Salience</th>
            <th className="num">Capability</th>
            <th>Quote</th>
          </tr>
        </thead>
        <tbody>
          {actor.readings.map((r) => (
            <tr key={r.assessmentId}>
              <td>
                <Link href={`/sources/${r.sourceId}`}>{truncate(r.sourceTitle, 60)}</Link>
                <div className="small muted">
                  {r.outlet} <span className="badge" title="Admiralty code: source reliability and information credibility">{r.reliability}{r.credibility}</span>
                </div>
              </td>
              <td style={{ whiteSpace: 'nowrap' }}>
                <Link href={`/assessments/${r.assessmentId}`}>{r.stanceDate}</Link>
              </td>
              <td style={{ whiteSpace: 'nowrap' }}>
                <strong>{num(r.weight, 2)}</strong>
                <div className="small muted">
                  {CONFIDENCE_TEXT[r.confidence]} {STANCE_WEIGHTS.confidence[r.confidence]} × reliability {r.reliability} {STANCE_WEIGHTS.reliability[r.reliability].toFixed(1)}
                </div>
              </td>
              <td className="num">{r.position}</td>
              <td className="num">{r.salience}</td>
              <td className="num">{r.capability ?? '—'}</td>
              <td>
                <div className="quote small">{truncate(r.quote, 220)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

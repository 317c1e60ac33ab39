import Link from '@/components/ui/link';
import type { Confidence } from '@/lib/generated/prisma/enums';
import { CONFIDENCE_LABELS } from '@/lib/assessments/schema';
import { formatDay } from '@/lib/format';

export interface AssessmentRow {
  id: string;
  position: number;
  salience: number;
  capability: number | null;
  confidence: Confidence;
  credibility: number;
  stanceDate: Date;
  quote: string;
  actor: { id: string; name: string };
  issue: { id: string; title: string };
  source: { id: string; title: string; reliability: string };
}

export function ConfidenceBadge({ value }: { value: Confidence }) {
  return <span className={`badge badge-${value.toLowerCase()}`}>{CONFIDENCE_LABELS[value]}</span>;
}

export function AssessmentTable({ items, compact = false, header }: { items: AssessmentRow[]; compact?: boolean; header?: React.ReactNode }) {
  if (!items.length) return <p className="muted">No assessments.</p>;
  return (
    <table className="data">
      <thead>
        {header ?? (
          <tr>
            <th>Stance date</th>
            <th>Actor</th>
            {!compact && <th>Issue</th>}
            <th className="num">Position</th>
            {!compact && <th className="num">Salience</th>}
            <th>Confidence</th>
            {!compact && <th>Source</th>}
          </tr>
        )}
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <td style={{ whiteSpace: 'nowrap' }}><Link href={`/assessments/${a.id}`}>{formatDay(a.stanceDate)}</Link></td>
            <td>{a.actor.name}{compact && <div className="small muted">{a.issue.title}</div>}</td>
            {!compact && <td><Link href={`/issues/${a.issue.id}`}>{a.issue.title}</Link></td>}
            <td className="num">{a.position}</td>
            {!compact && <td className="num">{a.salience}</td>}
            <td><ConfidenceBadge value={a.confidence} /></td>
            {!compact && (
              <td>
                <Link href={`/sources/${a.source.id}`}>{a.source.title}</Link> <span className="badge">{a.source.reliability}{a.credibility}</span>
                <div className="quote small">{a.quote.length > 180 ? `${a.quote.slice(0, 180)}…` : a.quote}</div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

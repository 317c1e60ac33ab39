import type { FormState } from '@/lib/errors';
import type { Anchor } from '@/lib/issues/schema';
import type { OpinionStance } from '@/lib/generated/prisma/enums';
import type { OpinionDistribution } from '@/lib/opinions/queries';
import { OPINION_STANCE_LABELS, OPINION_STANCES } from '@/lib/opinions/schema';
import { formatDay } from '@/lib/format';
import { formatDelta, formatPosition } from '@/components/charts/format';
import { OKABE_ITO } from '@/components/charts/palette';
import { ScaleDotPlot, type DotRow } from '@/components/charts/scale-dot-plot';
import { RecordActionButton } from '@/components/records/record-actions';
import { OpinionForm } from './opinion-form';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
export interface OpinionRow {
  id: string;
  authorId: string;
  authorName: string;
  stance: OpinionStance;
  position: number | null;
  comment: string;
  version: number;
  updatedAt: Date;
}

// Colour-blind-safe (Okabe-Ito), and each stance has its own marker shape too.
const STANCE_COLOR: Record<OpinionStance, string> = { AGREE: OKABE_ITO.green, PARTLY_AGREE: OKABE_ITO.orange, DISAGREE: OKABE_ITO.vermillion };
const STANCE_SHAPE = { AGREE: 'circle', PARTLY_AGREE: 'diamond', DISAGREE: 'square' } as const;

/** Colleagues' opinions of an assessment: the distribution first (disagreement is information), then each opinion. */
export function OpinionsPanel({
  assessment,
  anchors,
  opinions,
  distribution,
  viewer,
  actions,
}: {
  assessment: { id: string; position: number; recordedByName: string; deleted: boolean };
  anchors: Anchor[];
  opinions: OpinionRow[];
  distribution: OpinionDistribution;
  viewer: { userId: string; canWrite: boolean; canModerate: boolean; isRecorder: boolean };
  actions: { create: Action; update: Action; remove: Action };
}) {
  const mine = opinions.find((o) => o.authorId === viewer.userId);
  const p = distribution.positions;
  const rows: DotRow[] = [
    {
      key: 'assessment',
      label: `This assessment (${assessment.recordedByName})`,
      value: assessment.position,
      color: OKABE_ITO.blue,
      shape: 'triangle',
      title: `The assessment: ${formatPosition(assessment.position)}`,
    },
    ...opinions
      .filter((o) => o.position !== null)
      .map((o) => ({
        key: o.id,
        label: o.authorName,
        note: OPINION_STANCE_LABELS[o.stance],
        value: o.position,
        color: STANCE_COLOR[o.stance],
        shape: STANCE_SHAPE[o.stance],
        title: `${o.authorName} (${OPINION_STANCE_LABELS[o.stance].toLowerCase()}): ${formatPosition(o.position)}`,
      })),
  ];
  return (
    <section className="panel" id="opinions" aria-labelledby="opinions-heading">
      <h2 id="opinions-heading">Colleagues’ opinions</h2>
      {distribution.total === 0 ? (
        <p className="muted">No colleague has given an opinion on this reading yet.</p>
      ) : (
        <>
          <ul className="opinion-counts" aria-label="Opinions by stance">
            {OPINION_STANCES.map((stance) => (
              <li key={stance}>
                <span className="badge" style={{ borderColor: STANCE_COLOR[stance], color: STANCE_COLOR[stance] }}>
                  {OPINION_STANCE_LABELS[stance]}
                </span>{' '}
                <strong>{distribution.counts[stance]}</strong>
              </li>
            ))}
            <li className="muted">of {distribution.total}</li>
          </ul>
          {p.n > 0 && (
            <>
              <p className="small">
                {p.n} colleague{p.n === 1 ? '' : 's'} gave a position: median {formatPosition(p.median)}, range {formatPosition(p.min)}–{formatPosition(p.max)}
                {p.sd !== null && <>, SD {formatPosition(p.sd)}</>}; on average {formatDelta(p.meanDifference ?? 0)} from this assessment’s {formatPosition(assessment.position)} (furthest{' '}
                {formatPosition(p.maxDistance)} away).
              </p>
              <ScaleDotPlot
                anchors={anchors}
                rows={rows}
                label="Positions: the assessment and colleagues' own readings"
                description={rows.map((r) => `${r.label}: ${formatPosition(r.value)}`).join('; ')}
              />
            </>
          )}
          <table className="data" aria-label="Opinions">
            <thead>
              <tr><th>Colleague</th><th>View</th><th>Position</th><th>Comment</th><th>Updated</th><th /></tr>
            </thead>
            <tbody>
              {opinions.map((o) => (
                <tr key={o.id}>
                  <td>{o.authorName}</td>
                  <td><span className="badge" style={{ borderColor: STANCE_COLOR[o.stance], color: STANCE_COLOR[o.stance] }}>{OPINION_STANCE_LABELS[o.stance]}</span></td>
                  <td>{o.position === null ? '—' : formatPosition(o.position)}</td>
                  <td>{o.comment || <span className="muted">—</span>}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>{formatDay(o.updatedAt)}</td>
                  <td>
                    {viewer.canWrite && (o.authorId === viewer.userId || viewer.canModerate) && (
                      <RecordActionButton action={actions.remove} id={o.id} label="Withdraw" className="btn-small" confirmText="Withdraw this opinion?" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {viewer.canWrite && !assessment.deleted && !viewer.isRecorder && (
        <div style={{ marginTop: 14 }}>
          <h3>{mine ? 'Your opinion' : 'Give your opinion'}</h3>
          <OpinionForm
            key={mine ? `${mine.id}-${mine.version}` : 'new'}
            action={mine ? actions.update : actions.create}
            assessmentId={assessment.id}
            anchors={anchors}
            initial={mine ? { id: mine.id, version: mine.version, stance: mine.stance, position: mine.position, comment: mine.comment } : undefined}
          />
        </div>
      )}
      {viewer.isRecorder && <p className="small muted">You recorded this reading; colleagues give opinions on it here.</p>}
    </section>
  );
}

import { DataTable } from '@/components/ui/data-table';
import { OpinionCountsCell } from '@/components/opinions/opinion-counts';
import { formatDay, formatPosition } from '@/components/charts/format';
import { CONFIDENCE_LABELS, CREDIBILITY_LABELS } from '@/lib/assessments/schema';
import type { OpinionStance } from '@/lib/generated/prisma/enums';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '@/lib/sources/schema';
import type { SourceComparison } from '@/lib/stance/source-comparison';

/** Where each source places the actor: the table view of the source comparison. */
export function SourceComparisonTable({
  placements,
  opinions,
}: {
  placements: SourceComparison['placements'];
  opinions: Map<string, Record<OpinionStance, number>>;
}) {
  return (
    <DataTable
      dataTable="source-comparison"
      rows={placements}
      rowKey={(p) => p.sourceId}
      columns={[
        { key: 'source', header: 'Source', cell: (p) => <>{p.outlet}: {p.title}</> },
        { key: 'kind', header: 'Kind', cell: (p) => SOURCE_KIND_LABELS[p.kind] },
        { key: 'reliability', header: 'Reliability', cell: (p) => RELIABILITY_LABELS[p.reliability] },
        {
          key: 'origin',
          header: 'Origin',
          cell: (p) => (p.origin ? `${p.origin}${p.sharingOrigin > 1 ? ` (shared by ${p.sharingOrigin} sources here)` : ''}` : 'Not given'),
        },
        { key: 'position', header: 'Position', numeric: true, cell: (p) => formatPosition(p.position) },
        { key: 'stanceDate', header: 'Stance date', cell: (p) => formatDay(p.stanceDate) },
        { key: 'confidence', header: 'Confidence', cell: (p) => CONFIDENCE_LABELS[p.confidence] },
        { key: 'credibility', header: 'Credibility', cell: (p) => CREDIBILITY_LABELS[p.credibility] ?? p.credibility },
        { key: 'analyst', header: 'Analyst', cell: (p) => p.analyst ?? 'Unknown' },
        { key: 'readings', header: 'Readings', numeric: true, cell: (p) => p.readings },
        { key: 'quote', header: 'Quote', className: 'quote-cell', cell: (p) => p.quote },
        {
          key: 'opinions',
          header: 'Colleagues’ opinions',
          cell: (p) => <OpinionCountsCell counts={opinions.get(p.assessmentId)} href={`/assessments/${p.assessmentId}#opinions`} />,
        },
      ]}
    />
  );
}

import Link from '@/components/ui/link';
import type { OpinionStance } from '@/lib/generated/prisma/enums';
import { OPINION_STANCE_LABELS, OPINION_STANCES } from '@/lib/opinions/schema';

/** "1 disagree · 2 agree" for a reading, linked to its opinions; a dash when nobody has reviewed it. */
export function OpinionCountsCell({ counts, href }: { counts?: Record<OpinionStance, number>; href: string }) {
  const parts = OPINION_STANCES.filter((s) => (counts?.[s] ?? 0) > 0).map((s) => `${counts![s]} ${OPINION_STANCE_LABELS[s].toLowerCase()}`);
  if (!parts.length) return <span className="muted">—</span>;
  return (
    <Link href={href} className={counts!.DISAGREE > 0 ? 'opinion-disputed' : undefined}>
      {parts.join(' · ')}
    </Link>
  );
}

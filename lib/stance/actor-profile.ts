import 'server-only';
import { isUuid } from '../validation';
import { isoDay } from '../format';
import type { StanceIssue } from './types';
import { authorize, type Ctx } from '../auth/context';
import { parseAnchors, querySeries } from './series';
import { readDb } from '../db';
import { notFound } from '../errors';
import { withFilterDefaults, type StanceFiltersInput } from './schema';
import { currentPositions } from './current-position';
import { MAX_READINGS_PER_CHART } from './weights';

// An actor's page: where it stands on each issue and its lines over time, from the same chart
// statement as the issue page (lib/stance/series.ts), with its stated interests.

/**
 * An actor's current position on every issue, its stance over time per issue (thinned to
 * `maxPoints` readings over all issues, for small multiples) and its stated interests.
 */
export async function actorProfile(ctx: Ctx, actorId: string, { maxPoints = MAX_READINGS_PER_CHART, filters: filtersInput = {} }: { maxPoints?: number; filters?: StanceFiltersInput } = {}) {
  authorize(ctx, 'workspace:read');
  if (!isUuid(actorId)) throw notFound('Actor');
  const actor = await readDb(ctx).actor.findFirst({ where: { id: actorId, workspaceId: ctx.workspaceId }, select: { id: true, name: true, deletedAt: true } });
  if (!actor) throw notFound('Actor');
  const filters = withFilterDefaults(filtersInput);
  const [positions, series, interests, issues] = await Promise.all([
    currentPositions(ctx, { actorId }),
    querySeries(ctx, { issueIds: null, actorIds: [actorId], filters, maxPoints: Math.min(maxPoints, MAX_READINGS_PER_CHART) }),
    readDb(ctx).statedInterest.findMany({
      where: { workspaceId: ctx.workspaceId, actorId, deletedAt: null, source: { deletedAt: null } },
      orderBy: [{ statedOn: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, statedOn: true, quote: true, summary: true, source: { select: { id: true, title: true, outlet: true, reliability: true } } },
    }),
    readDb(ctx).issue.findMany({
      where: { workspaceId: ctx.workspaceId, deletedAt: null },
      select: { id: true, title: true, description: true, anchors: true },
      orderBy: { title: 'asc' },
    }),
  ]);
  const byIssue = new Map(series.series.map((s) => [s.issueId, s]));
  return {
    actor: { ...actor, styleIndex: series.styles.get(actor.id) ?? 0 },
    filters,
    issues: issues
      .filter((issue) => byIssue.has(issue.id))
      .map((issue) => ({
        issue: { ...issue, anchors: parseAnchors(issue.anchors) } satisfies StanceIssue,
        current: positions.find((p) => p.issueId === issue.id) ?? null,
        bucketUnit: series.units.get(issue.id) ?? 'day',
        series: byIssue.get(issue.id)!,
      })),
    sources: series.sources,
    interests: interests.map((i) => ({ ...i, statedOn: isoDay(i.statedOn) })),
  };
}


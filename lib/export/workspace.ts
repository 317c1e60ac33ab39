import { authorize, type Ctx } from '../auth/context';
import { db, type Tx } from '../db';
import { readAnchors } from '../issues/schema';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './format';

// The whole workspace as one JSON document (lib/export/format.ts), streamed section by section from
// one REPEATABLE READ transaction, so every reference in it points at a record that is in it too,
// whatever is being written meanwhile.

const BATCH = 1000;
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date) => d.toISOString().slice(0, 10);
const metaOf = (r: { version: number; createdAt: Date; updatedAt: Date; deletedAt: Date | null }) => ({
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: isoOrNull(r.deletedAt),
});

type Page<T> = (tx: Tx, after: { createdAt: Date; id: string } | null) => Promise<T[]>;
const afterWhere = (after: { createdAt: Date; id: string } | null) =>
  after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {};
const order = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/** One JSON array section, read in batches in (createdAt, id) order. */
async function* section<T extends { createdAt: Date; id: string }>(
  tx: Tx,
  name: string,
  page: Page<T>,
  toJson: (rows: T[]) => Promise<unknown[]> | unknown[],
): AsyncGenerator<string> {
  yield `,\n"${name}":[`;
  let after: { createdAt: Date; id: string } | null = null;
  let first = true;
  for (;;) {
    const rows = await page(tx, after);
    if (!rows.length) break;
    const items = await toJson(rows);
    yield (first ? '\n' : ',\n') + items.map((item) => JSON.stringify(item)).join(',\n');
    first = false;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < BATCH) break;
  }
  yield '\n]';
}

async function* documentChunks(tx: Tx, ctx: Ctx): AsyncGenerator<string> {
  const ws = ctx.workspaceId;
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: ws }, select: { name: true } });
  // Every user the records name (and the members), listed once with their email.
  const users = await tx.$queryRaw<{ id: string; email: string; name: string }[]>`
    SELECT u.id, u.email, u.name FROM "User" u WHERE u.id IN (
      SELECT "userId" FROM "Membership" WHERE "workspaceId" = ${ws}::uuid
      UNION SELECT "recordedById" FROM "Assessment" WHERE "workspaceId" = ${ws}::uuid
      UNION SELECT "editedById" FROM "AssessmentRevision" WHERE "workspaceId" = ${ws}::uuid
      UNION SELECT "createdById" FROM "StatedInterest" WHERE "workspaceId" = ${ws}::uuid
      UNION SELECT "createdById" FROM "Scenario" WHERE "workspaceId" = ${ws}::uuid
      UNION SELECT "resolvedById" FROM "Scenario" WHERE "workspaceId" = ${ws}::uuid AND "resolvedById" IS NOT NULL
      UNION SELECT "analystId" FROM "LikelihoodEstimate" WHERE "workspaceId" = ${ws}::uuid
      UNION SELECT "authorId" FROM "AssessmentOpinion" WHERE "workspaceId" = ${ws}::uuid
      UNION SELECT "createdById" FROM "Event" WHERE "workspaceId" = ${ws}::uuid
    ) ORDER BY u.email`;
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"formatVersion":${EXPORT_FORMAT_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())},` +
    `"workspace":${JSON.stringify({ name: workspace.name })},\n"users":${JSON.stringify(users.map((u) => ({ key: u.id, email: u.email, name: u.name })))}`;

  yield* section(
    tx,
    'actors',
    (t, after) => t.actor.findMany({ where: { workspaceId: ws, ...afterWhere(after) }, orderBy: order, take: BATCH }),
    (rows) =>
      rows.map((a) => ({ key: a.id, name: a.name, kind: a.kind, aliases: a.aliases, parentKey: a.parentId, description: a.description, ...metaOf(a) })),
  );
  yield* section(
    tx,
    'issues',
    (t, after) => t.issue.findMany({ where: { workspaceId: ws, ...afterWhere(after) }, orderBy: order, take: BATCH }),
    (rows) => rows.map((i) => ({ key: i.id, title: i.title, description: i.description, anchors: readAnchors(i.anchors), ...metaOf(i) })),
  );
  yield* section(
    tx,
    'sources',
    (t, after) => t.source.findMany({ where: { workspaceId: ws, ...afterWhere(after) }, orderBy: order, take: BATCH }),
    (rows) =>
      rows.map((s) => ({
        key: s.id,
        title: s.title,
        outlet: s.outlet,
        author: s.author,
        url: s.url,
        publishedAt: day(s.publishedAt),
        kind: s.kind,
        reliability: s.reliability,
        body: s.body,
        citedInKey: s.citedInId,
        origin: s.origin,
        ...metaOf(s),
      })),
  );
  yield* section(
    tx,
    'interests',
    (t, after) => t.statedInterest.findMany({ where: { workspaceId: ws, ...afterWhere(after) }, orderBy: order, take: BATCH }),
    (rows) =>
      rows.map((i) => ({
        key: i.id,
        actorKey: i.actorId,
        sourceKey: i.sourceId,
        statedOn: day(i.statedOn),
        quote: i.quote,
        summary: i.summary,
        createdByKey: i.createdById,
        ...metaOf(i),
      })),
  );
  yield* section(
    tx,
    'assessments',
    (t, after) => t.assessment.findMany({ where: { workspaceId: ws, ...afterWhere(after) }, orderBy: order, take: BATCH }),
    async (rows) => {
      const revisions = await tx.assessmentRevision.findMany({
        where: { workspaceId: ws, assessmentId: { in: rows.map((r) => r.id) } },
        orderBy: [{ assessmentId: 'asc' }, { version: 'asc' }],
      });
      const byAssessment = new Map<string, typeof revisions>();
      for (const r of revisions) byAssessment.set(r.assessmentId, [...(byAssessment.get(r.assessmentId) ?? []), r]);
      const opinions = await tx.assessmentOpinion.findMany({
        where: { workspaceId: ws, assessmentId: { in: rows.map((r) => r.id) } },
        orderBy: [{ assessmentId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      });
      const opinionsOf = new Map<string, typeof opinions>();
      for (const o of opinions) opinionsOf.set(o.assessmentId, [...(opinionsOf.get(o.assessmentId) ?? []), o]);
      return rows.map((a) => ({
        key: a.id,
        actorKey: a.actorId,
        issueKey: a.issueId,
        sourceKey: a.sourceId,
        position: a.position,
        salience: a.salience,
        capability: a.capability,
        confidence: a.confidence,
        credibility: a.credibility,
        stanceDate: day(a.stanceDate),
        quote: a.quote,
        rationale: a.rationale,
        recordedByKey: a.recordedById,
        ...metaOf(a),
        revisions: (byAssessment.get(a.id) ?? []).map((r) => ({
          version: r.version,
          editedByKey: r.editedById,
          editedAt: iso(r.editedAt),
          changes: r.changes,
          snapshot: r.snapshot,
        })),
        opinions: (opinionsOf.get(a.id) ?? []).map((o) => ({
          authorKey: o.authorId,
          stance: o.stance,
          position: o.position,
          comment: o.comment,
          ...metaOf(o),
        })),
      }));
    },
  );
  yield* section(
    tx,
    'scenarios',
    (t, after) =>
      t.scenario.findMany({
        where: { workspaceId: ws, ...afterWhere(after) },
        orderBy: order,
        take: BATCH,
        include: {
          actors: { orderBy: { actorId: 'asc' } },
          estimates: { orderBy: [{ estimatedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
          modelScores: { orderBy: { model: 'asc' } },
        },
      }),
    (rows) =>
      rows.map((s) => ({
        key: s.id,
        issueKey: s.issueId,
        name: s.name,
        description: s.description,
        asOf: day(s.asOf),
        createdByKey: s.createdById,
        outcome: s.outcome,
        resolvedAt: isoOrNull(s.resolvedAt),
        resolvedByKey: s.resolvedById,
        outcomePosition: s.outcomePosition,
        annulledAt: isoOrNull(s.annulledAt),
        annulledByKey: s.annulledById,
        annulmentReason: s.annulmentReason,
        ...metaOf(s),
        actors: s.actors.map((a) => ({ actorKey: a.actorId, position: a.position, salience: a.salience, capability: a.capability, excluded: a.excluded })),
        estimates: s.estimates.map((e) => ({
          analystKey: e.analystId,
          estimatedOn: day(e.estimatedOn),
          likelihood: e.likelihood,
          probability: e.probability,
          forecastPosition: e.forecastPosition,
          rationale: e.rationale,
          createdAt: iso(e.createdAt),
        })),
        modelScores: s.modelScores.map((m) => ({
          model: m.model,
          forecast: m.forecast,
          p10: m.p10,
          p90: m.p90,
          outcome: m.outcome,
          headline: m.headline,
          createdAt: iso(m.createdAt),
        })),
      })),
  );
  yield* section(
    tx,
    'events',
    (t, after) => t.event.findMany({ where: { workspaceId: ws, ...afterWhere(after) }, orderBy: order, take: BATCH }),
    (rows) =>
      rows.map((e) => ({
        key: e.id,
        occurredOn: day(e.occurredOn),
        title: e.title,
        description: e.description,
        sourceKey: e.sourceId,
        issueKeys: e.issueIds,
        createdByKey: e.createdById,
        createdAt: iso(e.createdAt),
      })),
  );
  yield '\n}\n';
}

/** The export as a byte stream (backpressure respected: the next batch is read when the client has taken the last). */
export function workspaceExportStream(ctx: Ctx): ReadableStream<Uint8Array> {
  authorize(ctx, 'workspace:read');
  const encoder = new TextEncoder();
  let wake: (() => void) | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        void (async () => {
          try {
            await db().$transaction(
              async (tx) => {
                for await (const chunk of documentChunks(tx, ctx)) {
                  if (cancelled) throw new Error('export cancelled by the client');
                  controller.enqueue(encoder.encode(chunk));
                  while (!cancelled && (controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (wake = resolve));
                }
              },
              { isolationLevel: 'RepeatableRead', timeout: 30 * 60_000, maxWait: 30_000 },
            );
            if (!cancelled) controller.close();
          } catch (error) {
            if (!cancelled) controller.error(error);
          }
        })();
      },
      pull() {
        wake?.();
        wake = null;
      },
      cancel() {
        cancelled = true;
        wake?.();
      },
    },
    { highWaterMark: 8 },
  );
}

/** The export as a string (tests, small workspaces). */
export async function exportWorkspaceText(ctx: Ctx): Promise<string> {
  return new Response(workspaceExportStream(ctx)).text();
}

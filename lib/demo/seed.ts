import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { hashPassword } from '../auth/password';
import { assessmentSnapshot } from '../assessments/snapshot';
import {
  demoActors,
  demoAssessments,
  demoEvents,
  demoInterests,
  demoIssues,
  demoScenarios,
  demoSources,
  demoWorkspace,
} from './karabakh';

export const DEMO_LOGINS = [
  { key: 'admin', email: 'admin@demo.stanceboard.local', password: 'demo-admin-2020', name: 'Demo Admin', role: 'ADMIN' },
  { key: 'analyst', email: 'analyst@demo.stanceboard.local', password: 'demo-analyst-2020', name: 'Demo Analyst', role: 'ANALYST' },
  { key: 'viewer', email: 'viewer@demo.stanceboard.local', password: 'demo-viewer-2020', name: 'Demo Viewer', role: 'VIEWER' },
] as const;

const ARTICLES_DIR = path.resolve(import.meta.dirname, '../../prisma/demo/articles');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface SeedOptions {
  /** Demo logins have public passwords: production installs must ask for them explicitly. */
  allowInProduction?: boolean;
}

export interface SeedReport {
  created: Record<string, number>;
}

/** Loads the Karabakh demo. Idempotent: every row is looked up by its natural key first. */
export async function seedDemo(databaseUrl: string, options: SeedOptions = {}): Promise<SeedReport> {
  if (process.env.NODE_ENV === 'production' && !options.allowInProduction) {
    throw new Error(
      'Refusing to create the demo logins (public passwords) with NODE_ENV=production. Run `npm run db:seed -- --allow-production` if you really want them.',
    );
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  const created: Record<string, number> = {};
  const bump = (what: string) => (created[what] = (created[what] ?? 0) + 1);
  try {
    const hashes = new Map<string, string>();
    for (const login of DEMO_LOGINS) {
      const existing = await prisma.user.findUnique({ where: { email: login.email }, select: { id: true } });
      if (!existing) hashes.set(login.key, await hashPassword(login.password));
    }
    await prisma.$transaction(
      async (tx) => {
        let workspace = await tx.workspace.findUnique({ where: { slug: demoWorkspace.slug } });
        if (!workspace) {
          workspace = await tx.workspace.create({ data: demoWorkspace });
          bump('workspaces');
        }
        const workspaceId = workspace.id;

        const userIds = new Map<string, string>();
        for (const login of DEMO_LOGINS) {
          let user = await tx.user.findUnique({ where: { email: login.email }, select: { id: true } });
          if (!user) {
            user = await tx.user.create({
              data: { email: login.email, name: login.name, passwordHash: hashes.get(login.key)! },
              select: { id: true },
            });
            bump('users');
          }
          userIds.set(login.key, user.id);
          const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } } });
          if (!membership) {
            await tx.membership.create({ data: { workspaceId, userId: user.id, role: login.role } });
            bump('memberships');
          }
        }

        const actorIds = new Map<string, string>();
        for (const actor of demoActors) {
          let row = await tx.actor.findUnique({ where: { workspaceId_name: { workspaceId, name: actor.name } }, select: { id: true } });
          if (!row) {
            row = await tx.actor.create({
              data: { workspaceId, name: actor.name, kind: actor.kind, aliases: actor.aliases, description: actor.description },
              select: { id: true },
            });
            bump('actors');
          }
          actorIds.set(actor.key, row.id);
        }
        for (const actor of demoActors) {
          if (!actor.parentKey) continue;
          await tx.actor.updateMany({
            where: { id: actorIds.get(actor.key)!, parentId: null },
            data: { parentId: actorIds.get(actor.parentKey)! },
          });
        }

        const issueIds = new Map<string, string>();
        for (const issue of demoIssues) {
          let row = await tx.issue.findUnique({ where: { workspaceId_title: { workspaceId, title: issue.title } }, select: { id: true } });
          if (!row) {
            row = await tx.issue.create({
              data: { workspaceId, title: issue.title, description: issue.description, anchors: issue.anchors },
              select: { id: true },
            });
            bump('issues');
          }
          issueIds.set(issue.key, row.id);
        }

        const sourceIds = new Map<string, string>();
        // Carrying articles first, so quoted sources can point at them.
        const ordered = [...demoSources].sort((a, b) => Number(Boolean(a.citedInKey)) - Number(Boolean(b.citedInKey)));
        for (const source of ordered) {
          let row = await tx.source.findFirst({ where: { workspaceId, title: source.title }, select: { id: true } });
          if (!row) {
            const body = source.articleFile ? readFileSync(path.join(ARTICLES_DIR, source.articleFile), 'utf8') : '';
            row = await tx.source.create({
              data: {
                workspaceId,
                title: source.title,
                outlet: source.outlet,
                author: source.author,
                url: source.url,
                publishedAt: day(source.publishedAt),
                kind: source.kind,
                reliability: source.reliability,
                body,
                citedInId: source.citedInKey ? sourceIds.get(source.citedInKey) ?? null : null,
                origin: source.origin ?? null,
              },
              select: { id: true },
            });
            bump('sources');
          }
          sourceIds.set(source.key, row.id);
        }

        for (const interest of demoInterests) {
          const where = {
            workspaceId,
            actorId: actorIds.get(interest.actorKey)!,
            sourceId: sourceIds.get(interest.sourceKey)!,
            quote: interest.quote,
          };
          if (await tx.statedInterest.findFirst({ where, select: { id: true } })) continue;
          await tx.statedInterest.create({
            data: { ...where, statedOn: day(interest.statedOn), summary: interest.summary, createdById: userIds.get('analyst')! },
          });
          bump('interests');
        }

        for (const item of demoAssessments) {
          const key = {
            workspaceId,
            actorId: actorIds.get(item.actorKey)!,
            issueId: issueIds.get(item.issueKey)!,
            sourceId: sourceIds.get(item.sourceKey)!,
            stanceDate: day(item.stanceDate),
          };
          if (await tx.assessment.findFirst({ where: key, select: { id: true } })) continue;
          const recordedById = userIds.get(item.analyst)!;
          const assessment = await tx.assessment.create({
            data: {
              ...key,
              position: item.position,
              salience: item.salience,
              capability: item.capability,
              confidence: item.confidence,
              credibility: item.credibility,
              quote: item.quote,
              rationale: item.rationale,
              recordedById,
            },
          });
          const snapshot = assessmentSnapshot(assessment);
          await tx.assessmentRevision.create({
            data: {
              assessmentId: assessment.id,
              workspaceId,
              version: 1,
              editedById: recordedById,
              changes: Object.fromEntries(Object.entries(snapshot).map(([field, to]) => [field, { from: null, to }])),
              snapshot,
            },
          });
          bump('assessments');
        }

        for (const event of demoEvents) {
          if (await tx.event.findFirst({ where: { workspaceId, title: event.title, occurredOn: day(event.occurredOn) }, select: { id: true } })) continue;
          await tx.event.create({
            data: {
              workspaceId,
              occurredOn: day(event.occurredOn),
              title: event.title,
              description: event.description,
              issueIds: event.issueKeys.map((key) => issueIds.get(key)!),
              sourceId: event.sourceKey ? sourceIds.get(event.sourceKey)! : null,
              createdById: userIds.get('analyst')!,
            },
          });
          bump('events');
        }

        for (const scenario of demoScenarios) {
          const issueId = issueIds.get(scenario.issueKey)!;
          if (await tx.scenario.findFirst({ where: { workspaceId, issueId, name: scenario.name }, select: { id: true } })) continue;
          await tx.scenario.create({
            data: {
              workspaceId,
              issueId,
              name: scenario.name,
              description: scenario.description,
              asOf: day(scenario.asOf),
              createdById: userIds.get('analyst')!,
              actors: {
                create: scenario.overrides.map((o) => ({
                  actorId: actorIds.get(o.actorKey)!,
                  position: o.position ?? null,
                  salience: o.salience ?? null,
                  capability: o.capability ?? null,
                  excluded: o.excluded ?? false,
                })),
              },
              estimates: {
                create: scenario.estimates.map((e) => ({
                  workspaceId,
                  analystId: userIds.get(e.analyst)!,
                  estimatedOn: day(e.estimatedOn),
                  likelihood: e.likelihood,
                  probability: e.probability,
                  rationale: e.rationale,
                })),
              },
            },
          });
          bump('scenarios');
        }
      },
      { timeout: 60_000 },
    );
    return { created };
  } finally {
    await prisma.$disconnect();
  }
}

/** First start of the embedded demo: seed only when the demo workspace does not exist yet. */
export async function seedDemoIfEmpty(databaseUrl: string, options: SeedOptions = {}): Promise<boolean> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    if (await prisma.workspace.findUnique({ where: { slug: demoWorkspace.slug }, select: { id: true } })) return false;
  } finally {
    await prisma.$disconnect();
  }
  await seedDemo(databaseUrl, options);
  return true;
}

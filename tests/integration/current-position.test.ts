// "Where an actor stands now" is one figure: the dashboard, the actor page, the issue chart's
// "Latest" line and the scenario baseline must show the same number for every actor and issue of the demo.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContext, type Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { seedDemo } from '@/lib/demo/seed';
import { scenarioBaseline } from '@/lib/scenarios/queries';
import { currentPositions } from '@/lib/stance/current-position';
import { actorProfile } from '@/lib/stance/actor-profile';
import { issueSpread } from '@/lib/stance/dashboard';
import { stanceSeries } from '@/lib/stance/series';
import { seriesStyle } from '@/components/charts/palette';

let ctx: Ctx;
const today = new Date().toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 10) / 10;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  const admin = await db().user.findUniqueOrThrow({ where: { email: 'admin@demo.stanceboard.local' }, include: { memberships: true } });
  ctx = (await buildContext(admin.id, admin.memberships[0]!.workspaceId, { kind: 'session', sessionId: 'x' }))!;
}, 60_000);

describe('one current position on every page', () => {
  it('the dashboard, actor page, issue chart "Latest" and scenario baseline agree for every actor and issue of the demo', async () => {
    const dashboard = await issueSpread(ctx);
    const seen: string[] = [];
    for (const { issue, actors } of dashboard) {
      // The issue page's "Where each actor stands now" line (it replaced "Latest", the last bucket of the line).
      const chart = await currentPositions(ctx, { issueId: issue.id });
      const baseline = await scenarioBaseline(ctx, issue.id, today);
      for (const a of actors) {
        const key = `${a.actorName} on ${issue.title}`;
        seen.push(key);
        const chartLatest = chart.find((p) => p.actorId === a.actorId)!.position;
        const profile = await actorProfile(ctx, a.actorId);
        const actorPage = profile.issues.find((i) => i.issue.id === issue.id)!.current!.position;
        const scenario = baseline.actors.find((b) => b.actorId === a.actorId)!.position;
        expect({ key, dashboard: round(a.position), actorPage: round(actorPage), chartLatest: round(chartLatest), scenario: round(scenario) }).toEqual({
          key,
          dashboard: round(a.position),
          actorPage: round(a.position),
          chartLatest: round(a.position),
          scenario: round(a.position),
        });
      }
    }
    expect(seen).toContain('Azerbaijan on Foreign military presence in Nagorno-Karabakh');
  });
});

describe('one identity per actor', () => {
  it('gives Turkey the same colour and marker on the dashboard, the issue chart (filtered or not) and its actor page', async () => {
    const dashboard = await issueSpread(ctx);
    const fmp = dashboard.find((d) => d.issue.title === 'Foreign military presence in Nagorno-Karabakh')!;
    const turkey = fmp.actors.find((a) => a.actorName === 'Turkey')!;
    const russia = fmp.actors.find((a) => a.actorName === 'Russia')!;
    const style = seriesStyle(turkey.styleIndex);

    const unfiltered = await stanceSeries(ctx, fmp.issue.id);
    const filtered = await stanceSeries(ctx, fmp.issue.id, { actors: [turkey.actorId] });
    const withRussia = await stanceSeries(ctx, fmp.issue.id, { actors: [russia.actorId, turkey.actorId] });
    const profile = await actorProfile(ctx, turkey.actorId);
    const styles = [
      ...[unfiltered, filtered, withRussia].map((r) => r.series.find((s) => s.actorId === turkey.actorId)!.styleIndex),
      profile.actor.styleIndex,
      ...profile.issues.map((i) => i.series.styleIndex),
      ...dashboard.flatMap((d) => d.actors.filter((a) => a.actorId === turkey.actorId).map((a) => a.styleIndex)),
    ].map(seriesStyle);
    for (const s of styles) expect(s).toEqual(style);

    // Every actor of the demo looks different from every other (colour, marker and dash together).
    const all = new Map(dashboard.flatMap((d) => d.actors.map((a) => [a.actorId, JSON.stringify(seriesStyle(a.styleIndex))] as const)));
    expect(new Set(all.values()).size).toBe(all.size);
  });
});

import type { Ctx } from '../auth/context';
import { actorOptions } from '../actors/queries';
import { issueOptions } from '../issues/queries';
import { sourceOptions } from '../sources/queries';

/** Everything the assessment form's selects need, in one round trip. */
export async function assessmentFormOptions(ctx: Ctx) {
  const [actors, issues, sources] = await Promise.all([actorOptions(ctx), issueOptions(ctx), sourceOptions(ctx)]);
  return {
    actors: actors.map((a) => ({ id: a.id, name: a.name })),
    issues: issues.map((i) => ({ id: i.id, title: i.title, anchors: i.anchors })),
    sources: sources.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet, publishedAt: s.publishedAt.toISOString().slice(0, 10), reliability: s.reliability })),
  };
}

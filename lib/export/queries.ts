import { authorize, type Ctx } from '../auth/context';
import { db } from '../db';

/** True when the workspace holds no records at all (deleted ones count), so an export can be restored into it. */
export async function workspaceIsEmpty(ctx: Ctx): Promise<boolean> {
  authorize(ctx, 'workspace:read');
  const where = { workspaceId: ctx.workspaceId };
  const counts = await Promise.all([
    db().actor.count({ where }),
    db().issue.count({ where }),
    db().source.count({ where }),
    db().statedInterest.count({ where }),
    db().assessment.count({ where }),
    db().scenario.count({ where }),
  ]);
  return counts.every((n) => n === 0);
}

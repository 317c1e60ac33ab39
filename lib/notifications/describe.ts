import { formatPosition } from '../format';
import type { NotificationKind } from '../generated/prisma/enums';

/** A notification as the bell, the page, the stream and the API show it. */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** One sentence: "Turkey moved from 45 to 70 on Foreign military presence". */
  text: string;
  /** Where to look: the chart of the issue, the events list, the scenario. */
  href: string;
  createdAt: string;
  readAt: string | null;
  actor: { id: string; name: string } | null;
  issue: { id: string; title: string } | null;
  /** SHIFT only: the current position before and after the change. */
  from: number | null;
  to: number | null;
}

export interface StoredNotification {
  id: string;
  kind: NotificationKind;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
}

/** Names of the records a page of notifications mentions (of the caller's workspace only). */
export interface NotificationNames {
  actors: Map<string, string>;
  issues: Map<string, string>;
  scenarios: Map<string, string>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Ids a stored notification refers to, so one query per table can name a whole page of them. */
export function referencedIds(payload: unknown): { actorId: string | null; issueIds: string[]; scenarioId: string | null } {
  const p = (payload ?? {}) as Record<string, unknown>;
  const issueIds = [str(p.issueId), ...(Array.isArray(p.issueIds) ? p.issueIds.map(str) : [])].filter((id): id is string => id !== null);
  return { actorId: str(p.actorId), issueIds, scenarioId: str(p.scenarioId) };
}

/** Pure: a stored notification and the names it mentions → what the user reads. Deleted records read "a deleted …". */
export function describeNotification(row: StoredNotification, names: NotificationNames): NotificationItem {
  const p = (row.payload ?? {}) as Record<string, unknown>;
  const actorId = str(p.actorId);
  const issueId = str(p.issueId);
  const actorName = actorId ? names.actors.get(actorId) : undefined;
  const issueTitle = issueId ? names.issues.get(issueId) : undefined;
  const base = {
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    actor: actorId && actorName !== undefined ? { id: actorId, name: actorName } : null,
    issue: issueId && issueTitle !== undefined ? { id: issueId, title: issueTitle } : null,
    from: null as number | null,
    to: null as number | null,
  };
  const issueText = issueTitle ?? 'a deleted issue';
  switch (row.kind) {
    case 'SHIFT': {
      const from = num(p.from);
      const to = num(p.to);
      const moved = from !== null && to !== null ? `moved from ${formatPosition(from)} to ${formatPosition(to)}` : 'moved';
      const href = issueTitle !== undefined && issueId ? `/issues/${issueId}` : actorName !== undefined && actorId ? `/actors/${actorId}` : '/notifications';
      return { ...base, from, to, href, text: `${actorName ?? 'A deleted actor'} ${moved} on ${issueText}` };
    }
    case 'EVENT': {
      const issueIds = Array.isArray(p.issueIds) ? p.issueIds.map(str).filter((id): id is string => id !== null) : [];
      const titles = issueIds.map((id) => names.issues.get(id)).filter((t): t is string => t !== undefined);
      const scope = issueIds.length === 0 ? 'the whole workspace' : titles.length ? titles.join(', ') : 'a deleted issue';
      const on = str(p.occurredOn)?.slice(0, 10);
      return { ...base, href: '/events', text: `New event${on ? ` on ${on}` : ''}: ${str(p.title) ?? 'untitled'} (${scope})` };
    }
    case 'LIKELIHOOD': {
      const scenarioId = str(p.scenarioId);
      const scenarioName = scenarioId ? names.scenarios.get(scenarioId) : undefined;
      return {
        ...base,
        href: scenarioId && scenarioName !== undefined ? `/scenarios/${scenarioId}` : '/scenarios',
        text: `New likelihood estimate on ${scenarioName ? `“${scenarioName}”` : 'a deleted scenario'} (${issueText})`,
      };
    }
  }
}

import { db } from '../db';
import { describeNotification } from './describe';
import { namesFor } from './queries';
import type { SendMail } from './smtp';

export interface DigestOptions {
  send: SendMail;
  from: string;
  /** The app's address for absolute links (APP_URL); without it links are paths. */
  appUrl?: string;
}

export interface DigestResult {
  /** Emails sent (one per member with something new). */
  emails: number;
  notifications: number;
  /** Members whose email failed; their notifications stay unsent and go with the next run. */
  failed: { email: string; error: string }[];
}

/**
 * The email digest (npm run notify:digest): to each active member, one email with their unread
 * notifications not emailed before (every workspace they are active in), then records them as emailed
 * in the same transaction. The rows are locked (SKIP LOCKED) while sending, so two runs at once never
 * send one twice; a failed send rolls back and the next run tries again. Read notifications are not sent.
 */
export async function sendDigests(options: DigestOptions): Promise<DigestResult> {
  const users = await db().$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT n."userId"
      FROM "Notification" n
      JOIN "Membership" m ON m."userId" = n."userId" AND m."workspaceId" = n."workspaceId" AND m."disabledAt" IS NULL
      JOIN "User" u ON u."id" = n."userId" AND u."disabledAt" IS NULL
     WHERE n."readAt" IS NULL AND n."emailedAt" IS NULL`;
  const result: DigestResult = { emails: 0, notifications: 0, failed: [] };
  for (const { userId } of users) {
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    try {
      const sent = await db().$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<{ id: string; workspaceId: string; workspaceName: string; kind: 'SHIFT' | 'EVENT' | 'LIKELIHOOD'; payload: unknown; createdAt: Date }[]>`
            SELECT n."id", n."workspaceId", w."name" AS "workspaceName", n."kind", n."payload", n."createdAt"
              FROM "Notification" n
              JOIN "Workspace" w ON w."id" = n."workspaceId"
              JOIN "Membership" m ON m."userId" = n."userId" AND m."workspaceId" = n."workspaceId" AND m."disabledAt" IS NULL
             WHERE n."userId" = ${userId}::uuid AND n."readAt" IS NULL AND n."emailedAt" IS NULL
             ORDER BY w."name", n."createdAt", n."id"
               FOR UPDATE OF n SKIP LOCKED`;
          if (rows.length === 0) return 0;
          const sections: string[] = [];
          for (const workspaceId of [...new Set(rows.map((r) => r.workspaceId))]) {
            const mine = rows.filter((r) => r.workspaceId === workspaceId);
            const names = await namesFor(workspaceId, mine.map((r) => ({ ...r, readAt: null })));
            const lines = mine.map((r) => {
              const item = describeNotification({ ...r, readAt: null }, names);
              return `- ${item.text}\n  ${options.appUrl ? new URL(item.href, options.appUrl).toString() : item.href}`;
            });
            sections.push(`${mine[0]!.workspaceName}\n\n${lines.join('\n')}`);
          }
          const count = rows.length;
          await options.send({
            from: options.from,
            to: user.email,
            subject: count === 1 ? 'Stanceboard: 1 new notification' : `Stanceboard: ${count} new notifications`,
            text: `Hello ${user.name},\n\nWhat your watches matched since the last digest:\n\n${sections.join('\n\n')}\n\nMark them read in the app (Notifications) so they are not sent again.\n`,
          });
          await tx.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { emailedAt: new Date() } });
          return count;
        },
        { timeout: 60_000 },
      );
      if (sent > 0) {
        result.emails += 1;
        result.notifications += sent;
      }
    } catch (error) {
      result.failed.push({ email: user.email, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

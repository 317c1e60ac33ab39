// The email digest (npm run notify:digest): lib/notifications/digest.ts through the real SMTP client
// (lib/notifications/smtp.ts) to a tiny fake SMTP server on a local port.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/auth/context';
import { db } from '@/lib/db';
import { createEvent } from '@/lib/events/commands';
import { markAllNotificationsRead, saveWatch } from '@/lib/notifications/commands';
import { sendDigests } from '@/lib/notifications/digest';
import { smtpSender } from '@/lib/notifications/smtp';
import { createBasics, createMember, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

interface Received {
  from: string;
  to: string[];
  data: string;
  auth: string | null;
}

/** Speaks just enough SMTP; `refuseRcpt` makes RCPT TO fail with 550 for that address. */
function fakeSmtp(options: { refuseRcpt?: string } = {}) {
  const received: Received[] = [];
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '', auth: null };
    socket.write('220 fake.smtp ready\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '', auth: null };
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const [verb] = line.split(' ');
        if (verb === 'EHLO') socket.write('250-fake.smtp\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
        else if (verb === 'AUTH') {
          current.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          socket.write('235 ok\r\n');
        } else if (verb === 'MAIL') {
          current.from = /<(.*)>/.exec(line)![1]!;
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          const to = /<(.*)>/.exec(line)![1]!;
          if (to === options.refuseRcpt) socket.write('550 no such mailbox\r\n');
          else {
            current.to.push(to);
            socket.write('250 ok\r\n');
          }
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('502 not implemented\r\n');
      }
    });
  });
  return {
    received,
    server,
    url: async (auth = '') => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address() as { port: number };
      return `smtp://${auth}127.0.0.1:${address.port}`;
    },
  };
}

const bodyOf = (data: string) => Buffer.from(data.split('\r\n\r\n').slice(1).join('').replace(/\r\n/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n');

let home: TestWorkspace;
let watcher: Ctx;
let colleague: Ctx;
const servers: Server[] = [];

beforeAll(async () => {
  home = await createTestWorkspace('Digest desk');
  watcher = await createMember(home.workspaceId, 'ANALYST', 'digest');
  colleague = await createMember(home.workspaceId, 'VIEWER', 'colleague');
  const basics = await createBasics(home.workspaceId);
  await saveWatch(watcher, { issueId: basics.issue.id, threshold: '5' });
  await saveWatch(colleague, { issueId: basics.issue.id, threshold: '5' });
  await createEvent(home.admin, { occurredOn: '2020-11-09', title: 'Trilateral statement', issueIds: [basics.issue.id] });
  await createEvent(home.admin, { occurredOn: '2020-11-10', title: 'Russian peacekeepers deploy', issueIds: [] });
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

describe('email digest', () => {
  it('sends each member one email with their unread notifications, records them, and sends nothing twice or already read', async () => {
    // The colleague has read theirs: nothing to email them.
    await markAllNotificationsRead(colleague);
    const smtp = fakeSmtp();
    servers.push(smtp.server);
    const url = await smtp.url('digest%40example.org:s3cret@');
    const first = await sendDigests({ send: smtpSender(url), from: 'Stanceboard <alerts@example.org>', appUrl: 'https://sb.example.org' });
    expect(first).toMatchObject({ emails: 1, notifications: 2, failed: [] });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toBe('alerts@example.org');
    expect(mail!.to).toEqual([watcher.userEmail]);
    expect(mail!.auth).toBe('\0digest@example.org\0s3cret');
    expect(mail!.data).toContain('Subject: Stanceboard: 2 new notifications');
    const body = bodyOf(mail!.data);
    expect(body).toContain('Digest desk');
    expect(body).toContain('- New event on 2020-11-09: Trilateral statement');
    expect(body).toContain('- New event on 2020-11-10: Russian peacekeepers deploy (the whole workspace)\n  https://sb.example.org/events');
    expect(await db().notification.count({ where: { userId: watcher.userId, emailedAt: null } })).toBe(0);

    // Nothing new: nothing sent.
    expect(await sendDigests({ send: smtpSender(url), from: 'alerts@example.org' })).toMatchObject({ emails: 0, notifications: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps a member’s notifications for the next run when the server refuses the email', async () => {
    const before = await db().notification.count({ where: { userId: watcher.userId, emailedAt: null } });
    await createEvent(home.admin, { occurredOn: '2020-11-11', title: 'Corridor opened', issueIds: [] });
    const refusing = fakeSmtp({ refuseRcpt: watcher.userEmail });
    servers.push(refusing.server);
    const result = await sendDigests({ send: smtpSender(await refusing.url()), from: 'alerts@example.org' });
    // The colleague (who watches too) gets theirs; the refused member's stays unsent.
    expect(result).toMatchObject({ emails: 1, notifications: 1 });
    expect(refusing.received.map((m) => m.to)).toEqual([[colleague.userEmail]]);
    expect(result.failed).toEqual([{ email: watcher.userEmail, error: 'SMTP RCPT refused: 550 no such mailbox' }]);
    expect(await db().notification.count({ where: { userId: watcher.userId, emailedAt: null } })).toBe(before + 1);

    const working = fakeSmtp();
    servers.push(working.server);
    expect(await sendDigests({ send: smtpSender(await working.url()), from: 'alerts@example.org' })).toMatchObject({ emails: 1, notifications: 1 });
    expect(working.received.map((m) => m.to)).toEqual([[watcher.userEmail]]);
    expect(bodyOf(working.received[0]!.data)).toContain('Corridor opened');
  });
});

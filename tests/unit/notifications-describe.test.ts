import { describe, expect, it } from 'vitest';
import { describeNotification, referencedIds, type NotificationNames } from '@/lib/notifications/describe';
import { envelopeAddress, formatMessage } from '@/lib/notifications/smtp';

const ACTOR = '00000000-0000-4000-8000-000000000001';
const ISSUE = '00000000-0000-4000-8000-000000000002';
const SCENARIO = '00000000-0000-4000-8000-000000000003';
const names = (known: boolean): NotificationNames => ({
  actors: new Map(known ? [[ACTOR, 'Turkey']] : []),
  issues: new Map(known ? [[ISSUE, 'Foreign military presence']] : []),
  scenarios: new Map(known ? [[SCENARIO, 'Russian-only force']] : []),
});
const row = (kind: 'SHIFT' | 'EVENT' | 'LIKELIHOOD', payload: unknown) => ({ id: 'n1', kind, payload, createdAt: new Date('2026-12-02T08:00:00Z'), readAt: null });

describe('describeNotification', () => {
  it('says what moved, from where to where (one decimal), and links to the issue chart', () => {
    const item = describeNotification(row('SHIFT', { actorId: ACTOR, issueId: ISSUE, from: 45, to: 70.04 }), names(true));
    expect(item).toMatchObject({ text: 'Turkey moved from 45 to 70 on Foreign military presence', href: `/issues/${ISSUE}`, from: 45, to: 70.04 });
  });

  it('names deleted (or unknown) records as deleted and links somewhere that exists', () => {
    expect(describeNotification(row('SHIFT', { actorId: ACTOR, issueId: ISSUE, from: 1, to: 9 }), names(false))).toMatchObject({
      text: 'A deleted actor moved from 1 to 9 on a deleted issue',
      href: '/notifications',
      actor: null,
      issue: null,
    });
    expect(describeNotification(row('LIKELIHOOD', { scenarioId: SCENARIO, issueId: ISSUE }), names(false))).toMatchObject({
      text: 'New likelihood estimate on a deleted scenario (a deleted issue)',
      href: '/scenarios',
    });
    expect(describeNotification(row('EVENT', { title: 'Statement', occurredOn: '2020-11-09', issueIds: [ISSUE] }), names(false)).text).toBe(
      'New event on 2020-11-09: Statement (a deleted issue)',
    );
  });

  it('finds every id a payload refers to', () => {
    expect(referencedIds({ actorId: ACTOR, issueId: ISSUE, issueIds: [ISSUE], scenarioId: SCENARIO })).toEqual({ actorId: ACTOR, issueIds: [ISSUE, ISSUE], scenarioId: SCENARIO });
    expect(referencedIds(null)).toEqual({ actorId: null, issueIds: [], scenarioId: null });
  });
});

describe('digest email format', () => {
  it('encodes non-ASCII subjects and bodies, and never lets a header break a line', () => {
    const message = formatMessage({ from: 'Stanceboard <a@b.org>', to: 'ana@example.org', subject: 'Türkiye moved\r\nBcc: x@evil', text: 'Line 1\n.\nLine 3' }, new Date('2026-12-02T08:00:00Z'));
    const [head, body] = message.split('\r\n\r\n');
    expect(head).toContain(`Subject: =?UTF-8?B?${Buffer.from('Türkiye moved Bcc: x@evil').toString('base64')}?=`);
    expect(head!.split('\r\n').some((l) => l.startsWith('Bcc'))).toBe(false);
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('Line 1\r\n.\r\nLine 3');
    expect(envelopeAddress('Stanceboard <a@b.org>')).toBe('a@b.org');
  });
});

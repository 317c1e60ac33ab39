import { z } from 'zod';
import { recordId, strictNumber, wholeNumber } from '../validation';

/** Scale points one change must move a current position by (strictly more) to notify. */
export const threshold = strictNumber('Threshold', {
  min: 0,
  max: 100,
  message: 'Threshold must be a number of scale points between 0 and 100',
  rangeMessage: 'Threshold must be between 0 and 100 scale points',
});

const optionalId = (label: string) => z.preprocess((v) => (v === '' || v === undefined ? null : v), recordId(label).nullable());

/** Watch an actor (on every issue) or an issue (every actor on it): shared by the forms and the API. */
export const watchSchema = z
  .object({ actorId: optionalId('Actor'), issueId: optionalId('Issue'), threshold })
  .refine((w) => w.actorId !== null || w.issueId !== null, { error: 'Choose an actor or an issue to watch', path: ['actorId'] });
export type WatchInput = z.infer<typeof watchSchema>;

export const watchRefSchema = z.object({ id: recordId('Watch') });
export const notificationRefSchema = z.object({ id: recordId('Notification') });

/** GET /api/v1/notifications and the page: newest first, keyset by (createdAt, id) via `before`. */
export const notificationListSchema = z.object({
  unread: z.enum(['true', 'false'], { error: 'unread must be true or false' }).optional(),
  limit: wholeNumber('limit', 1, 200).optional().default(50),
  before: z.uuid({ error: 'before must be the id of a notification from the previous page' }).optional(),
});

import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../validation';

const optionalSourceId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid({ error: 'Choose a source from the list' }).nullable());

/** The issues an event concerns; none: the whole workspace. Form checkboxes send one value or several. */
const issueIdList = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value.filter((v) => v !== '') : [value]),
  z
    .array(z.string())
    // Checked on the whole list, so the error names the field (issueIds), not one position in it.
    .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), { error: 'Choose issues from the list' })
    .max(100, { error: 'Choose at most 100 issues, or none for the whole workspace' })
    .transform((ids) => [...new Set(ids)]),
);

/** Record an event: shared by the form, the server action and the API. */
export const eventCreateSchema = z.object({
  occurredOn: isoDate('Date'),
  title: requiredText('Title', 200),
  description: optionalText('Description', 5000),
  sourceId: optionalSourceId,
  issueIds: issueIdList,
});
export type EventCreateInput = z.infer<typeof eventCreateSchema>;

import { z } from 'zod';
import { isoDate, optionalText, recordId, requiredText, version } from '../validation';

export const interestCreateSchema = z.object({
  actorId: recordId('Actor'),
  sourceId: recordId('Source'),
  statedOn: isoDate('Stated on'),
  quote: requiredText('Quote', 5000),
  summary: optionalText('Summary', 2000),
});
export type InterestCreateInput = z.infer<typeof interestCreateSchema>;
export const interestUpdateSchema = interestCreateSchema.extend({ id: recordId('Stated interest'), version });

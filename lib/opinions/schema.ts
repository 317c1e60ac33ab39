import { z } from 'zod';
import { OpinionStance } from '../generated/prisma/enums';
import { optionalScaleValue, optionalText, recordId, version } from '../validation';

export const OPINION_STANCE_LABELS: Record<OpinionStance, string> = {
  AGREE: 'Agree',
  PARTLY_AGREE: 'Partly agree',
  DISAGREE: 'Disagree',
};
export const OPINION_STANCES = Object.keys(OPINION_STANCE_LABELS) as OpinionStance[];

export const OPINION_FIELD_LABELS: Record<string, string> = {
  assessmentId: 'Assessment',
  stance: 'Your view',
  position: 'Your position',
  comment: 'Comment',
};

const opinionFields = {
  stance: z.enum(OpinionStance, { error: 'Choose agree, partly agree or disagree' }),
  /** The author's own reading on the scale; blank keeps the assessment's reading unchallenged. */
  position: optionalScaleValue('Your position'),
  comment: optionalText('Comment', 5000),
};

export const opinionCreateSchema = z.object({ assessmentId: recordId('Assessment'), ...opinionFields });
export type OpinionCreateInput = z.infer<typeof opinionCreateSchema>;
export const opinionUpdateSchema = z.object({ id: recordId('Opinion'), version, ...opinionFields });
export const opinionRefSchema = z.object({ id: recordId('Opinion') });

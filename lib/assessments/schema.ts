import { z } from 'zod';
import { Confidence } from '../generated/prisma/enums';
import { isoDate, optionalScaleValue, optionalText, recordId, requiredText, scaleValue, version, wholeNumber } from '../validation';

export const CONFIDENCE_LABELS: Record<Confidence, string> = { LOW: 'Low', MODERATE: 'Moderate', HIGH: 'High' };

/** Admiralty information credibility. */
export const CREDIBILITY_LABELS: Record<number, string> = {
  1: '1 · Confirmed by other sources',
  2: '2 · Probably true',
  3: '3 · Possibly true',
  4: '4 · Doubtfully true',
  5: '5 · Improbable',
  6: '6 · Truth cannot be judged',
};

export const assessmentCreateSchema = z.object({
  actorId: recordId('Actor'),
  issueId: recordId('Issue'),
  sourceId: recordId('Source'),
  position: scaleValue('Position'),
  salience: scaleValue('Salience'),
  capability: optionalScaleValue('Capability'),
  confidence: z.enum(Confidence, { error: 'Choose a confidence level' }),
  credibility: wholeNumber('Credibility', 1, 6),
  stanceDate: isoDate('Stance date'),
  quote: requiredText('Quote', 5000),
  rationale: optionalText('Rationale', 10_000),
});
export type AssessmentCreateInput = z.infer<typeof assessmentCreateSchema>;

export const assessmentUpdateSchema = assessmentCreateSchema.extend({ id: recordId('Assessment'), version });
export type AssessmentUpdateInput = z.infer<typeof assessmentUpdateSchema>;

export const ASSESSMENT_FIELD_LABELS: Record<string, string> = {
  actorId: 'Actor',
  issueId: 'Issue',
  sourceId: 'Source',
  position: 'Position',
  salience: 'Salience',
  capability: 'Capability',
  confidence: 'Confidence',
  credibility: 'Credibility',
  stanceDate: 'Stance date',
  quote: 'Quote',
  rationale: 'Rationale',
};

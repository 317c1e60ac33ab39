import { z } from 'zod';
import { Reliability, SourceKind } from '../generated/prisma/enums';
import { isoDate, optionalText, recordId, requiredText, version } from '../validation';

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  NEWS: 'News article',
  THINK_TANK: 'Think-tank analysis',
  OFFICIAL_STATEMENT: 'Official statement',
  INTERVIEW: 'Interview',
  SOCIAL_MEDIA: 'Social media',
  OTHER: 'Other',
};

/** NATO Admiralty source reliability. */
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'A · Completely reliable',
  B: 'B · Usually reliable',
  C: 'C · Fairly reliable',
  D: 'D · Not usually reliable',
  E: 'E · Unreliable',
  F: 'F · Reliability cannot be judged',
};

const url = z
  .string()
  .trim()
  .max(2000, { error: 'URL must be at most 2000 characters' })
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), { error: 'URL must start with http:// or https://' })
  .optional()
  .default('');

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid({ error: 'Choose a source from the list' }).nullable());

export const sourceCreateSchema = z.object({
  title: requiredText('Title', 500),
  outlet: requiredText('Outlet', 200),
  author: optionalText('Author', 300),
  url,
  publishedAt: isoDate('Published'),
  kind: z.enum(SourceKind, { error: 'Choose a kind' }),
  reliability: z.enum(Reliability, { error: 'Choose a reliability grade (A-F)' }),
  body: optionalText('Text', 500_000),
  citedInId: optionalId,
  /** The original reporting the source's content comes from; sources sharing one count once in weighted figures (lib/stance/origins.ts). */
  origin: z
    .preprocess((v) => (v === null ? '' : v), optionalText('Origin', 500))
    .transform((v) => v.replace(/\s+/g, ' ') || null),
});
export type SourceCreateInput = z.infer<typeof sourceCreateSchema>;

export const sourceUpdateSchema = sourceCreateSchema.extend({ id: recordId('Source'), version });

import { z } from 'zod';
import { optionalText, recordId, requiredText, scaleValue, strictNumber, version } from '../validation';

export interface Anchor {
  value: number;
  label: string;
}

const anchorSchema = z.object({
  value: strictNumber('Anchor point', {
    min: 0,
    max: 100,
    integer: true,
    message: 'Each anchor point needs a whole number between 0 and 100',
    rangeMessage: 'Anchor points must be between 0 and 100',
  }),
  label: requiredText('Each anchor point label', 200),
});

/** Anchors arrive either as [{value,label}] (API) or as parallel anchorValue/anchorLabel fields (form). */
const anchorsInput = z.preprocess((raw) => raw, z.array(anchorSchema));

export const anchorsSchema = anchorsInput
  .transform((anchors) => [...anchors].sort((a, b) => a.value - b.value))
  .superRefine((anchors, ctx) => {
    const values = anchors.map((a) => a.value);
    if (!values.includes(0) || !values.includes(100)) {
      ctx.addIssue({ code: 'custom', message: 'The scale needs labelled anchor points at 0 and at 100' });
    }
    if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', message: 'Each anchor point value may appear only once' });
    if (anchors.length > 11) ctx.addIssue({ code: 'custom', message: 'At most 11 anchor points' });
  });

function collectAnchors(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const input = raw as Record<string, unknown>;
  if (input.anchors !== undefined) return raw;
  const values = [input.anchorValue ?? []].flat();
  const labels = [input.anchorLabel ?? []].flat();
  const anchors = values
    .map((value, i) => ({ value, label: labels[i] ?? '' }))
    .filter((a) => String(a.value).trim() !== '' || String(a.label).trim() !== '');
  return { ...input, anchors };
}

const issueFields = z.object({
  title: requiredText('Title', 300),
  description: optionalText('Description', 10_000),
  anchors: anchorsSchema,
});

export const issueCreateSchema = z.preprocess(collectAnchors, issueFields);
export const issueUpdateSchema = z.preprocess(collectAnchors, issueFields.extend({ id: recordId('Issue'), version }));
export type IssueCreateInput = z.infer<typeof issueCreateSchema>;

/** Anchors as stored (JSON column), re-validated on read so a malformed row cannot break a page. */
export function readAnchors(json: unknown): Anchor[] {
  const parsed = z.array(z.object({ value: z.number(), label: z.string() })).safeParse(json);
  return parsed.success ? [...parsed.data].sort((a, b) => a.value - b.value) : [];
}

/** The anchor label nearest to a position, for reading a number in words ("70 ≈ Russian-led"). */
export function nearestAnchor(anchors: Anchor[], position: number): Anchor | undefined {
  return anchors.reduce<Anchor | undefined>(
    (best, a) => (!best || Math.abs(a.value - position) < Math.abs(best.value - position) ? a : best),
    undefined,
  );
}

/** Resolving an issue: the position it actually reached, on its own 0-100 scale. */
export const issueResolveSchema = z.object({
  id: recordId('Issue'),
  outcomePosition: scaleValue('Position reached'),
});
export type IssueResolveInput = z.infer<typeof issueResolveSchema>;

import { z } from 'zod';
import { invalid, type FieldErrors } from './errors';

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses input at the edge; failure becomes a VALIDATION AppError carrying field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
  return parsed.data;
}

/** FormData as a plain object; repeated keys become arrays. Files are ignored. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** The string values of a form, echoed back on error so nothing typed is lost. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  return out;
}

// Shared field rules, with messages in words an analyst understands.
export const scaleValue = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number between 0 and 100` })
    .refine(Number.isFinite, { error: `${label} must be a number between 0 and 100` })
    .min(0, { error: `${label} must be between 0 and 100` })
    .max(100, { error: `${label} must be between 0 and 100` });

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date (YYYY-MM-DD)` })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: `${label} is not a real calendar date`,
    });

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored, or null. PostgreSQL text cannot hold NUL, and a lone UTF-16
 * surrogate has no UTF-8 form (it would be stored silently as U+FFFD), so both are refused.
 */
export function unsafeTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (half of a character), which cannot be stored';
  return null;
}

/** Every string (value or object key) anywhere in parsed input that cannot be stored, with its dotted path, up to `limit`. */
export function unsafeTextPaths(value: unknown, limit = Infinity): { path: string; reason: string }[] {
  const found: { path: string; reason: string }[] = [];
  const walk = (item: unknown, path: string[]) => {
    if (found.length >= limit) return;
    if (typeof item === 'string') {
      const reason = unsafeTextReason(item);
      if (reason) found.push({ path: path.join('.') || '_body', reason });
    } else if (Array.isArray(item)) {
      item.forEach((entry, i) => walk(entry, [...path, String(i)]));
    } else if (item && typeof item === 'object') {
      for (const [key, entry] of Object.entries(item)) {
        const keyReason = unsafeTextReason(key);
        if (keyReason && found.length < limit) found.push({ path: [...path, key].join('.'), reason: `has a field name that ${keyReason}` });
        walk(entry, [...path, key]);
      }
    }
  };
  walk(value, []);
  return found;
}

export function findUnsafeText(value: unknown): { path: string; reason: string } | null {
  return unsafeTextPaths(value, 1)[0] ?? null;
}

/** Refuses input holding unstorable text with a VALIDATION error naming the field. */
export function assertStorableText(value: unknown, what = 'The input'): void {
  const found = findUnsafeText(value);
  if (found) throw invalid({ [found.path]: [`This value ${found.reason}`] }, `${what}: ${found.path} ${found.reason}.`);
}

/** Any text field: refuses what PostgreSQL cannot store, saying so. */
export const storableString = (label: string) =>
  z.string({ error: `${label} is required` }).superRefine((text, context) => {
    const reason = unsafeTextReason(text);
    if (reason) context.addIssue({ code: 'custom', message: `${label} ${reason}` });
  });

export const requiredText = (label: string, max: number) =>
  storableString(label)
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` });

export const optionalText = (label: string, max: number) =>
  storableString(label)
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .optional()
    .default('');

export const recordId = (label: string) =>
  z.uuid({ error: `Choose ${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()} from the list` });

export const version = z.coerce.number({ error: 'Missing record version; reload the page' }).int().min(1);

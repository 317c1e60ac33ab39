import { z } from 'zod';
import { invalid, type FieldErrors } from './errors';

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  // One message per field: the first rule a value breaks says what to fix; a blank date should not also
  // be told it is "not YYYY-MM-DD" and "not a real calendar date".
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    out[key] ??= [issue.message];
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

/** A plain decimal as people type it: "72", "72.5", "-3", ".5". No hex, no exponent, no thousands separators. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const BLANK = Symbol('blank');

/**
 * The one way a number enters the app, from a form, a query string, a CSV cell or JSON: a finite JSON
 * number, or a string holding a plain decimal. Everything else is refused with the field's own message:
 * blank, null, booleans, arrays, objects, hex ("0x10"), exponents ("1e2"), "Infinity", "NaN".
 * z.coerce is not used anywhere: it turns "" and false into 0, true into 1 and "0x10" into 16.
 */
function toStrictNumber(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return BLANK;
    return DECIMAL.test(trimmed) ? Number(trimmed) : value;
  }
  return value === null || value === undefined ? BLANK : value;
}

export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
  /** Said for anything that is not a number (of the right kind). */
  message: string;
  /** Said for a number outside min-max; defaults to `message`. */
  rangeMessage?: string;
  /** Said when the field is blank, null or absent; defaults to "<label> is required". */
  required?: string;
}

const isBlank = (v: unknown) => v === BLANK;

/** Every schema made by strictNumber, so a test can prove that no input takes a number any other way. */
export const strictNumberSchemas = z.registry<{ label: string }>();

/** A required number: blank is "required", anything else not a number in range is `rule.message`. */
export function strictNumber(label: string, rule: NumberRule) {
  const required = rule.required ?? `${label} is required`;
  const schema = z.preprocess(
    toStrictNumber,
    z
      .custom<number>((v) => typeof v === 'number', { error: (issue) => (isBlank(issue.input) ? required : rule.message) })
      .refine((n) => Number.isFinite(n) && (!rule.integer || Number.isInteger(n)), { error: rule.message, abort: true })
      .refine((n) => n >= rule.min && n <= rule.max, { error: rule.rangeMessage ?? rule.message }),
  );
  strictNumberSchemas.add(schema, { label });
  return schema;
}

/** An optional number: blank, null or absent is stored as null, never as 0. */
export function optionalStrictNumber(label: string, rule: NumberRule) {
  return z.preprocess((v) => (isBlank(toStrictNumber(v)) ? null : v), strictNumber(label, rule).nullable());
}

const scaleRule = (label: string): NumberRule => ({
  min: 0,
  max: 100,
  message: `${label} must be a number between 0 and 100`,
  rangeMessage: `${label} must be between 0 and 100`,
});

/** A position, salience or capability on the 0-100 scale. */
export const scaleValue = (label: string) => strictNumber(label, scaleRule(label));
export const optionalScaleValue = (label: string) => optionalStrictNumber(label, scaleRule(label));

/**
 * Any finite number, strictly read. For files whose records are checked against the forms' rules in a
 * second pass (the workspace import), so that one bad value does not hide every other problem.
 */
export const finiteNumber = (label: string, options: { integer?: boolean } = {}) =>
  strictNumber(label, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integer: options.integer, message: `${label} must be ${options.integer ? 'a whole number' : 'a number'}` });
export const optionalFiniteNumber = (label: string) =>
  optionalStrictNumber(label, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, message: `${label} must be a number` });

/** A whole number in a range, e.g. Admiralty credibility 1-6 or a page size. */
export const wholeNumber = (label: string, min: number, max: number, message = `${label} must be a whole number from ${min} to ${max}`) =>
  strictNumber(label, { min, max, integer: true, message });

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

export const version = strictNumber('Version', {
  min: 1,
  max: 2_147_483_647,
  integer: true,
  message: 'The record version must be a whole number; reload the page',
  required: 'Missing record version; reload the page',
});

/** Whether a route or query parameter is a uuid at all (anything else is answered as not found). */
export const isUuid = (id: string) => z.uuid().safeParse(id).success;

import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { error: 'Use true or false' })
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

/** Query parameters of POST /api/v1/import/assessments. */
export const importQuerySchema = z.object({
  mode: z.enum(['check', 'commit'], { error: 'mode must be check or commit' }).default('check').describe('check: report only; commit: check and write'),
  format: z.enum(['auto', 'csv', 'json'], { error: 'format must be auto, csv or json' }).default('auto').describe('auto: from Content-Type, else from the first character'),
  createMissing: flag.default(false).describe('Create actors and sources (and issues with issue_anchors) that do not exist yet'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'sha256 must be the 64 hex digits the check returned' })
    .optional()
    .describe('With mode=commit: the sha256 the check reported; the import is refused if the file differs'),
});

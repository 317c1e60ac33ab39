import { z } from 'zod';

// What checking (or importing) a file answers. The TypeScript types come from these schemas, which
// also document the response in the OpenAPI document.

export const rowErrorSchema = z
  .object({
    line: z.number().int().describe('Line of the file where the row starts (for JSON, where its object starts)'),
    column: z.string().nullable().describe('The column (CSV) or key (JSON); null when the problem is the row as a whole'),
    value: z.string().optional().describe('The value as given, shortened'),
    reason: z.string(),
  })
  .meta({ id: 'ImportRowError' });

export const importReportSchema = z
  .object({
    ok: z.boolean().describe('True when no row has a problem'),
    committed: z.boolean().describe('True when the rows were written (mode=commit)'),
    sha256: z.string().describe('Of the file as uploaded; pass it back with mode=commit to import exactly the checked file'),
    bytes: z.number().int(),
    format: z.enum(['csv', 'json']),
    encoding: z.enum(['UTF-8', 'UTF-8 with BOM', 'UTF-16 LE', 'UTF-16 BE']),
    delimiter: z.string().optional().describe('CSV: the delimiter found in the header line'),
    rowCount: z.number().int(),
    validRowCount: z.number().int(),
    badRowCount: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(rowErrorSchema).describe('Every problem, in file order (the first 100,000; errorCount counts all)'),
    errorsTruncated: z.boolean(),
    ignoredColumns: z.array(z.string()).describe('Columns or keys that are not part of the import format'),
    create: z
      .object({
        actors: z.array(z.object({ name: z.string(), kind: z.string(), line: z.number().int() })),
        issues: z.array(z.object({ title: z.string(), anchors: z.array(z.object({ value: z.number(), label: z.string() })), line: z.number().int() })),
        sources: z.array(
          z.object({ title: z.string(), outlet: z.string(), publishedAt: z.string(), kind: z.string(), reliability: z.string(), line: z.number().int() }),
        ),
      })
      .describe('Records the import creates (with createMissing), each with the line that first names it'),
    sample: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).describe('The first rows as read'),
    written: z
      .object({ assessments: z.number(), revisions: z.number(), actors: z.number(), issues: z.number(), sources: z.number() })
      .optional(),
    timings: z.record(z.string(), z.number()).describe('Milliseconds per phase'),
  })
  .meta({ id: 'ImportReport' });

export type RowError = z.infer<typeof rowErrorSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;

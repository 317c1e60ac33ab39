import { z } from 'zod';
import { finiteNumber, optionalFiniteNumber, version } from '../validation';
import { ActorKind, Confidence, Likelihood, OpinionStance, Reliability, ScenarioOutcome, SourceKind } from '../generated/prisma/enums';

// The whole-workspace JSON: every record (deleted ones too) with its history, referencing other records
// by `key` (the record's id in the workspace it came from), so it imports into an empty workspace with
// new ids and nothing lost. Users are referenced by key too and listed once, with their email, so an
// import can map them to accounts of the target workspace.

export const EXPORT_FORMAT = 'stanceboard.workspace';
export const EXPORT_FORMAT_VERSION = 1;

const key = z.string().min(1, { error: 'A key is required' }).max(100);
const dateTime = z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date and time' });
const day = z.iso.date({ error: 'Must be a date (YYYY-MM-DD)' });
const meta = {
  version,
  createdAt: dateTime,
  updatedAt: dateTime,
  deletedAt: dateTime.nullable(),
};

export const exportUser = z.object({ key, email: z.string(), name: z.string() });

export const exportActor = z.object({
  key,
  name: z.string(),
  kind: z.enum(ActorKind),
  aliases: z.array(z.string()),
  parentKey: key.nullable(),
  description: z.string(),
  ...meta,
});

export const exportIssue = z.object({
  key,
  title: z.string(),
  description: z.string(),
  anchors: z.array(z.object({ value: finiteNumber('Anchor point'), label: z.string() })),
  ...meta,
});

export const exportSource = z.object({
  key,
  title: z.string(),
  outlet: z.string(),
  author: z.string(),
  url: z.string(),
  publishedAt: day,
  kind: z.enum(SourceKind),
  reliability: z.enum(Reliability),
  body: z.string(),
  citedInKey: key.nullable(),
  /** The original reporting the source comes from (lib/stance/origins.ts); absent in files written before it existed. */
  origin: z.string().nullable().default(null),
  ...meta,
});

export const exportInterest = z.object({
  key,
  actorKey: key,
  sourceKey: key,
  statedOn: day,
  quote: z.string(),
  summary: z.string(),
  createdByKey: key,
  ...meta,
});

export const exportRevision = z.object({
  version,
  editedByKey: key,
  editedAt: dateTime,
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  snapshot: z.record(z.string(), z.unknown()),
});

export const exportOpinion = z.object({
  authorKey: key,
  stance: z.enum(OpinionStance),
  position: optionalFiniteNumber('Position'),
  comment: z.string(),
  ...meta,
});

export const exportAssessment = z.object({
  key,
  actorKey: key,
  issueKey: key,
  sourceKey: key,
  position: finiteNumber('Position'),
  salience: finiteNumber('Salience'),
  capability: optionalFiniteNumber('Capability'),
  confidence: z.enum(Confidence),
  credibility: finiteNumber('Credibility', { integer: true }),
  stanceDate: day,
  quote: z.string(),
  rationale: z.string(),
  recordedByKey: key,
  ...meta,
  revisions: z.array(exportRevision),
  /** Colleagues' opinions of the assessment (files from before opinions existed have none). */
  opinions: z.array(exportOpinion).default([]),
});

export const exportScenario = z.object({
  key,
  issueKey: key,
  name: z.string(),
  description: z.string(),
  asOf: day,
  createdByKey: key,
  outcome: z.enum(ScenarioOutcome).nullable(),
  resolvedAt: dateTime.nullable(),
  resolvedByKey: key.nullable(),
  /** Position the issue reached (0-100); absent in files written before it existed. */
  outcomePosition: optionalFiniteNumber('Position reached').default(null),
  /** An admin's annulment of the resolution (lib/scenarios/annulment.ts); absent in files written before it existed. */
  annulledAt: dateTime.nullable().default(null),
  annulledByKey: key.nullable().default(null),
  annulmentReason: z.string().nullable().default(null),
  ...meta,
  actors: z.array(
    z.object({
      actorKey: key,
      position: optionalFiniteNumber('Position'),
      salience: optionalFiniteNumber('Salience'),
      capability: optionalFiniteNumber('Capability'),
      excluded: z.boolean(),
    }),
  ),
  estimates: z.array(
    z.object({
      analystKey: key,
      estimatedOn: day,
      likelihood: z.enum(Likelihood),
      probability: finiteNumber('Probability'),
      forecastPosition: optionalFiniteNumber('Forecast position').default(null),
      rationale: z.string(),
      createdAt: dateTime,
    }),
  ),
  /** Each model's forecast frozen at resolution (lib/scenarios/track-record.ts). */
  modelScores: z
    .array(
      z.object({
        model: z.string(),
        forecast: finiteNumber('Forecast'),
        p10: finiteNumber('p10'),
        p90: finiteNumber('p90'),
        outcome: finiteNumber('Outcome'),
        headline: z.boolean(),
        createdAt: dateTime,
      }),
    )
    .default([]),
});

/** A dated event on the timelines; `issueKeys` empty: the whole workspace. */
export const exportEvent = z.object({
  key,
  occurredOn: day,
  title: z.string(),
  description: z.string(),
  sourceKey: key.nullable(),
  issueKeys: z.array(key),
  createdByKey: key,
  createdAt: dateTime,
});

export const workspaceExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT, { error: `Not a Stanceboard workspace export (format must be "${EXPORT_FORMAT}")` }),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION, { error: `Only formatVersion ${EXPORT_FORMAT_VERSION} can be imported` }),
    exportedAt: dateTime,
    workspace: z.object({ name: z.string() }),
    users: z.array(exportUser),
    actors: z.array(exportActor),
    issues: z.array(exportIssue),
    sources: z.array(exportSource),
    interests: z.array(exportInterest),
    assessments: z.array(exportAssessment),
    scenarios: z.array(exportScenario),
    /** Files written before events were exported have none. */
    events: z.array(exportEvent).default([]),
  })
  .meta({ id: 'WorkspaceExport' });

export type WorkspaceExport = z.infer<typeof workspaceExportSchema>;
export type ExportActor = z.infer<typeof exportActor>;
export type ExportIssue = z.infer<typeof exportIssue>;
export type ExportSource = z.infer<typeof exportSource>;
export type ExportInterest = z.infer<typeof exportInterest>;
export type ExportAssessment = z.infer<typeof exportAssessment>;
export type ExportScenario = z.infer<typeof exportScenario>;
export type ExportEvent = z.infer<typeof exportEvent>;

import { isoDay } from '@/lib/format';
import { z } from 'zod';
import { ActorKind, Confidence, Likelihood, OpinionStance, Reliability, ScenarioOutcome, SourceKind } from '../generated/prisma/enums';
import { readAnchors } from '../issues/schema';

// What the API answers for each record: flat, ids for references, ISO dates. The zod schemas document
// the responses in the OpenAPI document; the serialisers are typed by them, so the two cannot drift.

const id = z.uuid();
const dateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time (UTC)');
const day = z.iso.date().describe('Calendar date, YYYY-MM-DD');
const meta = {
  version: z.number().int().min(1).describe('Optimistic concurrency: send it back with PATCH/PUT; a stale one answers 409'),
  createdAt: dateTime,
  updatedAt: dateTime,
  deletedAt: dateTime.nullable().describe('Set when soft-deleted (list with deleted=only to see these)'),
};

export const actorDto = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(ActorKind),
    aliases: z.array(z.string()),
    parentId: id.nullable().describe('The larger actor this one belongs to or speaks for'),
    description: z.string(),
    ...meta,
  })
  .meta({ id: 'Actor' });

export const issueDto = z
  .object({
    id,
    title: z.string(),
    description: z.string(),
    anchors: z.array(z.object({ value: z.number().int().min(0).max(100), label: z.string() })).describe('Labelled points of the 0-100 position scale'),
    outcomePosition: z.number().min(0).max(100).nullable().describe('The position the issue actually reached, once resolved (POST /issues/{id}/resolution)'),
    resolvedAt: dateTime.nullable(),
    ...meta,
  })
  .meta({ id: 'Issue' });

export const sourceDto = z
  .object({
    id,
    title: z.string(),
    outlet: z.string(),
    author: z.string(),
    url: z.string(),
    publishedAt: day,
    kind: z.enum(SourceKind),
    reliability: z.enum(Reliability).describe('NATO Admiralty source reliability, A (completely reliable) to F (cannot be judged)'),
    body: z.string().optional().describe('Full text; only in GET /sources/{id}, not in lists'),
    citedInId: id.nullable().describe('The source that quotes this one'),
    origin: z
      .string()
      .nullable()
      .describe('The original reporting this source comes from; sources sharing an origin (ignoring case and spacing) count once in weighted figures'),
    ...meta,
  })
  .meta({ id: 'Source' });

export const interestDto = z
  .object({
    id,
    actorId: id,
    sourceId: id,
    statedOn: day,
    quote: z.string(),
    summary: z.string(),
    createdById: id,
    ...meta,
  })
  .meta({ id: 'StatedInterest' });

export const assessmentDto = z
  .object({
    id,
    actorId: id,
    issueId: id,
    sourceId: id,
    position: z.number().min(0).max(100),
    salience: z.number().min(0).max(100),
    capability: z.number().min(0).max(100).nullable(),
    confidence: z.enum(Confidence),
    credibility: z.number().int().min(1).max(6).describe('Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged)'),
    stanceDate: day.describe('When the stance held (not when the source was published)'),
    quote: z.string(),
    rationale: z.string(),
    recordedById: id,
    ...meta,
  })
  .meta({ id: 'Assessment' });

export const revisionDto = z
  .object({
    version: z.number().int().min(1),
    editedById: id,
    editedByName: z.string(),
    editedAt: dateTime,
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).describe('Field by field what this version changed'),
    snapshot: z.record(z.string(), z.unknown()).describe('Every tracked field as saved in this version'),
  })
  .meta({ id: 'AssessmentRevision' });

export const scenarioActorDto = z.object({
  actorId: id,
  position: z.number().nullable(),
  salience: z.number().nullable(),
  capability: z.number().nullable(),
  included: z.boolean().describe('False: the actor is left out of this scenario'),
});

export const scenarioDto = z
  .object({
    id,
    issueId: id,
    name: z.string(),
    description: z.string(),
    asOf: day.describe('Baseline inputs are the latest assessments with a stance date up to this day'),
    actors: z.array(scenarioActorDto).optional().describe('Departures from the baseline; only in GET /scenarios/{id}'),
    createdById: id,
    outcome: z.enum(ScenarioOutcome).nullable(),
    resolvedAt: dateTime.nullable(),
    resolvedById: id.nullable(),
    annulledAt: dateTime.nullable().describe('Set when an admin annulled the resolution: it then counts in no score'),
    annulledById: id.nullable(),
    annulmentReason: z.string().nullable(),
    ...meta,
  })
  .meta({ id: 'Scenario' });

export const estimateDto = z
  .object({
    id,
    scenarioId: id,
    analystId: id,
    estimatedOn: day,
    likelihood: z.enum(Likelihood),
    probability: z.number().min(0).max(1).describe('Point probability, 0-1 (POST takes percent, 1-99)'),
    rationale: z.string(),
    createdAt: dateTime,
  })
  .meta({ id: 'LikelihoodEstimate' });

export const errorDto = z
  .object({
    error: z.object({
      code: z.enum(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'CONFLICT', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'UNAVAILABLE', 'INTERNAL']),
      message: z.string(),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe('Messages per input field (dotted path); _form for the whole input'),
      details: z.unknown().optional().describe('409: { current } the record as stored now'),
    }),
  })
  .meta({ id: 'Error' });

export type ActorDto = z.infer<typeof actorDto>;
export type IssueDto = z.infer<typeof issueDto>;
export type SourceDto = z.infer<typeof sourceDto>;
export type InterestDto = z.infer<typeof interestDto>;
export type AssessmentDto = z.infer<typeof assessmentDto>;
export type ScenarioDto = z.infer<typeof scenarioDto>;
export type EstimateDto = z.infer<typeof estimateDto>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

type Meta = { version: number; createdAt: Date; updatedAt: Date; deletedAt: Date | null };
const metaOf = (r: Meta) => ({ version: r.version, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), deletedAt: isoOrNull(r.deletedAt) });

export function toActorDto(r: Meta & { id: string; name: string; kind: ActorKind; aliases: string[]; parentId: string | null; description: string }): ActorDto {
  return { id: r.id, name: r.name, kind: r.kind, aliases: r.aliases, parentId: r.parentId, description: r.description, ...metaOf(r) };
}

export function toIssueDto(
  r: Meta & { id: string; title: string; description: string; anchors: unknown; outcomePosition: number | null; resolvedAt: Date | null },
): IssueDto {
  return { id: r.id, title: r.title, description: r.description, anchors: readAnchors(r.anchors), outcomePosition: r.outcomePosition, resolvedAt: isoOrNull(r.resolvedAt), ...metaOf(r) };
}

export function toSourceDto(
  r: Meta & {
    id: string;
    title: string;
    outlet: string;
    author: string;
    url: string;
    publishedAt: Date;
    kind: SourceKind;
    reliability: Reliability;
    body?: string;
    citedInId: string | null;
    origin: string | null;
  },
): SourceDto {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    author: r.author,
    url: r.url,
    publishedAt: isoDay(r.publishedAt),
    kind: r.kind,
    reliability: r.reliability,
    ...(r.body !== undefined ? { body: r.body } : {}),
    citedInId: r.citedInId,
    origin: r.origin,
    ...metaOf(r),
  };
}

export function toInterestDto(
  r: Meta & { id: string; actorId: string; sourceId: string; statedOn: Date; quote: string; summary: string; createdById: string },
): InterestDto {
  return {
    id: r.id,
    actorId: r.actorId,
    sourceId: r.sourceId,
    statedOn: isoDay(r.statedOn),
    quote: r.quote,
    summary: r.summary,
    createdById: r.createdById,
    ...metaOf(r),
  };
}

export function toAssessmentDto(
  r: Meta & {
    id: string;
    actorId: string;
    issueId: string;
    sourceId: string;
    position: number;
    salience: number;
    capability: number | null;
    confidence: Confidence;
    credibility: number;
    stanceDate: Date;
    quote: string;
    rationale: string;
    recordedById: string;
  },
): AssessmentDto {
  return {
    id: r.id,
    actorId: r.actorId,
    issueId: r.issueId,
    sourceId: r.sourceId,
    position: r.position,
    salience: r.salience,
    capability: r.capability,
    confidence: r.confidence,
    credibility: r.credibility,
    stanceDate: isoDay(r.stanceDate),
    quote: r.quote,
    rationale: r.rationale,
    recordedById: r.recordedById,
    ...metaOf(r),
  };
}

export function toScenarioDto(
  r: Meta & {
    id: string;
    issueId: string;
    name: string;
    description: string;
    asOf: Date;
    createdById: string;
    outcome: ScenarioOutcome | null;
    resolvedAt: Date | null;
    resolvedById: string | null;
    annulledAt: Date | null;
    annulledById: string | null;
    annulmentReason: string | null;
    actors?: { actorId: string; position: number | null; salience: number | null; capability: number | null; excluded: boolean }[];
  },
): ScenarioDto {
  return {
    id: r.id,
    issueId: r.issueId,
    name: r.name,
    description: r.description,
    asOf: isoDay(r.asOf),
    ...(r.actors
      ? {
          actors: r.actors
            .map((a) => ({ actorId: a.actorId, position: a.position, salience: a.salience, capability: a.capability, included: !a.excluded }))
            .sort((a, b) => (a.actorId < b.actorId ? -1 : 1)),
        }
      : {}),
    createdById: r.createdById,
    outcome: r.outcome,
    resolvedAt: isoOrNull(r.resolvedAt),
    resolvedById: r.resolvedById,
    annulledAt: isoOrNull(r.annulledAt),
    annulledById: r.annulledById,
    annulmentReason: r.annulmentReason,
    ...metaOf(r),
  };
}

export function toEstimateDto(r: {
  id: string;
  scenarioId: string;
  analystId: string;
  estimatedOn: Date;
  likelihood: Likelihood;
  probability: number;
  rationale: string;
  createdAt: Date;
}): EstimateDto {
  return {
    id: r.id,
    scenarioId: r.scenarioId,
    analystId: r.analystId,
    estimatedOn: isoDay(r.estimatedOn),
    likelihood: r.likelihood,
    probability: r.probability,
    rationale: r.rationale,
    createdAt: iso(r.createdAt),
  };
}

export const opinionDto = z
  .object({
    id,
    assessmentId: id,
    authorId: id,
    stance: z.enum(OpinionStance).describe("A colleague's view of the assessment"),
    position: z.number().min(0).max(100).nullable().describe("The author's own reading of the position, when given"),
    comment: z.string(),
    ...meta,
  })
  .meta({ id: 'AssessmentOpinion' });
export type OpinionDto = z.infer<typeof opinionDto>;

export function toOpinionDto(
  r: Meta & { id: string; assessmentId: string; authorId: string; stance: OpinionStance; position: number | null; comment: string },
): OpinionDto {
  return { id: r.id, assessmentId: r.assessmentId, authorId: r.authorId, stance: r.stance, position: r.position, comment: r.comment, ...metaOf(r) };
}

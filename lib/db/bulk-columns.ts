// The one list of the columns that set-based writes (lib/db/bulk.ts) may fill, per table, with the type
// each value is read as from the JSON rows. The assessment import, the workspace import and the audit
// log all write through it; tests/integration/bulk-writer.test.ts checks it against the migrated database.

export interface BulkColumn {
  name: string;
  /** The type in json_to_recordset's column list. */
  type: 'uuid' | 'text' | 'float8' | 'int4' | 'date' | 'timestamptz' | 'jsonb' | 'bool' | 'text[]' | 'uuid[]';
  /** An enum to cast text to, e.g. "Confidence". */
  cast?: string;
  /** SQL for the value when the given one is null; `column(name)` is the SQL of another value of the same row. */
  whenNull?: (column: (name: string) => string) => string;
}

/** version, createdAt, updatedAt, deletedAt: the bookkeeping of every editable record. */
const RECORD_META = [
  { name: 'version', type: 'int4' },
  { name: 'createdAt', type: 'timestamptz' },
  { name: 'updatedAt', type: 'timestamptz' },
  { name: 'deletedAt', type: 'timestamptz' },
] as const satisfies readonly BulkColumn[];

export const BULK_COLUMNS = {
  Actor: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'name', type: 'text' },
    { name: 'kind', type: 'text', cast: 'ActorKind' },
    { name: 'aliases', type: 'text[]' },
    { name: 'description', type: 'text' },
    { name: 'parentId', type: 'uuid' },
    ...RECORD_META,
  ],
  Issue: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'title', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'anchors', type: 'jsonb' },
    ...RECORD_META,
  ],
  Source: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'title', type: 'text' },
    { name: 'outlet', type: 'text' },
    { name: 'author', type: 'text' },
    { name: 'url', type: 'text' },
    { name: 'publishedAt', type: 'date' },
    { name: 'kind', type: 'text', cast: 'SourceKind' },
    { name: 'reliability', type: 'text', cast: 'Reliability' },
    { name: 'body', type: 'text' },
    { name: 'origin', type: 'text' },
    { name: 'citedInId', type: 'uuid' },
    ...RECORD_META,
  ],
  StatedInterest: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'actorId', type: 'uuid' },
    { name: 'sourceId', type: 'uuid' },
    { name: 'statedOn', type: 'date' },
    { name: 'quote', type: 'text' },
    { name: 'summary', type: 'text' },
    { name: 'createdById', type: 'uuid' },
    ...RECORD_META,
  ],
  Assessment: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'actorId', type: 'uuid' },
    { name: 'issueId', type: 'uuid' },
    { name: 'sourceId', type: 'uuid' },
    { name: 'position', type: 'float8' },
    { name: 'salience', type: 'float8' },
    { name: 'capability', type: 'float8' },
    { name: 'confidence', type: 'text', cast: 'Confidence' },
    { name: 'credibility', type: 'int4' },
    { name: 'stanceDate', type: 'date' },
    { name: 'quote', type: 'text' },
    { name: 'rationale', type: 'text' },
    { name: 'recordedById', type: 'uuid' },
    ...RECORD_META,
  ],
  AssessmentRevision: [
    { name: 'id', type: 'uuid' },
    { name: 'assessmentId', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'version', type: 'int4' },
    { name: 'editedById', type: 'uuid' },
    { name: 'editedAt', type: 'timestamptz' },
    {
      name: 'changes',
      type: 'jsonb',
      // A creation revision (changes null) records every field of the snapshot "from null", as createAssessment does;
      // derived here so a 100,000-row import does not send each snapshot twice.
      whenNull: (column) => `(SELECT jsonb_object_agg(e.key, jsonb_build_object('from', NULL, 'to', e.value)) FROM jsonb_each(${column('snapshot')}) e)`,
    },
    { name: 'snapshot', type: 'jsonb' },
  ],
  AssessmentOpinion: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'assessmentId', type: 'uuid' },
    { name: 'authorId', type: 'uuid' },
    { name: 'stance', type: 'text', cast: 'OpinionStance' },
    { name: 'position', type: 'float8' },
    { name: 'comment', type: 'text' },
    ...RECORD_META,
  ],
  Scenario: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'issueId', type: 'uuid' },
    { name: 'name', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'asOf', type: 'date' },
    { name: 'createdById', type: 'uuid' },
    { name: 'outcome', type: 'text', cast: 'ScenarioOutcome' },
    { name: 'resolvedAt', type: 'timestamptz' },
    { name: 'resolvedById', type: 'uuid' },
    { name: 'outcomePosition', type: 'float8' },
    { name: 'annulledAt', type: 'timestamptz' },
    { name: 'annulledById', type: 'uuid' },
    { name: 'annulmentReason', type: 'text' },
    ...RECORD_META,
  ],
  ScenarioActor: [
    { name: 'id', type: 'uuid' },
    { name: 'scenarioId', type: 'uuid' },
    { name: 'actorId', type: 'uuid' },
    { name: 'position', type: 'float8' },
    { name: 'salience', type: 'float8' },
    { name: 'capability', type: 'float8' },
    { name: 'excluded', type: 'bool' },
  ],
  LikelihoodEstimate: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'scenarioId', type: 'uuid' },
    { name: 'analystId', type: 'uuid' },
    { name: 'estimatedOn', type: 'date' },
    { name: 'likelihood', type: 'text', cast: 'Likelihood' },
    { name: 'probability', type: 'float8' },
    { name: 'forecastPosition', type: 'float8' },
    { name: 'rationale', type: 'text' },
    { name: 'createdAt', type: 'timestamptz' },
  ],
  ScenarioModelScore: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'scenarioId', type: 'uuid' },
    { name: 'model', type: 'text' },
    { name: 'forecast', type: 'float8' },
    { name: 'p10', type: 'float8' },
    { name: 'p90', type: 'float8' },
    { name: 'outcome', type: 'float8' },
    { name: 'headline', type: 'bool' },
    { name: 'createdAt', type: 'timestamptz' },
  ],
  Event: [
    { name: 'id', type: 'uuid' },
    { name: 'workspaceId', type: 'uuid' },
    { name: 'occurredOn', type: 'date' },
    { name: 'title', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'sourceId', type: 'uuid' },
    { name: 'issueIds', type: 'uuid[]' },
    { name: 'createdById', type: 'uuid' },
    { name: 'createdAt', type: 'timestamptz' },
  ],
  AuditLog: [
    { name: 'workspaceId', type: 'uuid' },
    { name: 'userId', type: 'uuid' },
    { name: 'action', type: 'text' },
    { name: 'entityType', type: 'text' },
    { name: 'entityId', type: 'text' },
    { name: 'details', type: 'jsonb' },
    { name: 'ip', type: 'text' },
  ],
} as const satisfies Record<string, readonly BulkColumn[]>;

export type BulkTable = keyof typeof BULK_COLUMNS;
export type BulkColumnName<T extends BulkTable> = (typeof BULK_COLUMNS)[T][number]['name'];
/** A row to write: values keyed by column (dates as ISO strings, JSON columns as values); a column left out keeps its default. */
export type BulkRow<T extends BulkTable> = { readonly [K in BulkColumnName<T>]?: unknown };

import 'server-only';
import { createAssessment, updateAssessment } from '../../assessments/commands';
import { assessmentListSchema, assessmentRevisions, getAssessment, listAssessments } from '../../assessments/queries';
import { assessmentCreateSchema, assessmentUpdateSchema } from '../../assessments/schema';
import { deleteRecord } from '../../records/soft-delete';
import { assessmentDto, toAssessmentDto, type AssessmentDto } from '../dto';
import { apiRoute, json } from '../handler';
import type { ApiResource } from '../resource';
import { nameMaps } from './lookups';

/** The CSV's first columns are the import's, so an export can be edited and imported into another workspace. */
export const ASSESSMENT_CSV_HEADER = [
  'actor',
  'issue',
  'source',
  'source_outlet',
  'source_published',
  'source_kind',
  'source_reliability',
  'position',
  'salience',
  'capability',
  'confidence',
  'credibility',
  'stance_date',
  'quote',
  'rationale',
  'recorded_by',
  'id',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

export const assessmentsResource: ApiResource<AssessmentDto> = {
  path: 'assessments',
  label: 'Assessment',
  description:
    'One analyst’s reading, from one source, of where an actor stands on an issue (position on the issue’s 0-100 scale), with salience, capability, confidence and credibility. Every saved version is kept as a revision.',
  readPermission: 'workspace:read',
  writePermission: 'records:write',
  listQuery: assessmentListSchema,
  createSchema: assessmentCreateSchema,
  updateSchema: assessmentUpdateSchema,
  dto: assessmentDto,
  editable: ['actorId', 'issueId', 'sourceId', 'position', 'salience', 'capability', 'confidence', 'credibility', 'stanceDate', 'quote', 'rationale'],
  async list(ctx, query) {
    const page = await listAssessments(ctx, query, 'api');
    return { items: page.items.map(toAssessmentDto), nextCursor: page.nextCursor };
  },
  get: async (ctx, id) => toAssessmentDto(await getAssessment(ctx, id)),
  async create(ctx, raw) {
    const row = await createAssessment(ctx, raw);
    return { id: row.id, record: toAssessmentDto(row) };
  },
  update: updateAssessment,
  remove: (ctx, id) => deleteRecord(ctx, 'assessment', { id }),
  csv: {
    header: ASSESSMENT_CSV_HEADER,
    async rows(ctx, items) {
      const names = await nameMaps(ctx, {
        actors: items.map((a) => a.actorId),
        issues: items.map((a) => a.issueId),
        sources: items.map((a) => a.sourceId),
        users: items.map((a) => a.recordedById),
      });
      return items.map((a) => {
        const source = names.source.get(a.sourceId);
        return [
          names.actor.get(a.actorId) ?? '',
          names.issue.get(a.issueId) ?? '',
          source?.title ?? '',
          source?.outlet ?? '',
          source ? source.publishedAt.toISOString().slice(0, 10) : '',
          source?.kind ?? '',
          source?.reliability ?? '',
          a.position,
          a.salience,
          a.capability,
          a.confidence,
          a.credibility,
          a.stanceDate,
          a.quote,
          a.rationale,
          names.user.get(a.recordedById) ?? '',
          a.id,
          a.version,
          a.createdAt,
          a.updatedAt,
          a.deletedAt,
        ];
      });
    },
  },
};

/** GET /assessments/{id}/revisions: every saved version, newest first. */
export const assessmentRevisionsRoute = apiRoute<{ id: string }>({ permission: 'workspace:read' }, async ({ ctx, params }) => {
  await getAssessment(ctx, params.id); // 404 unless it is a record of this workspace
  const revisions = await assessmentRevisions(ctx, params.id);
  return json({
    data: revisions.map((r) => ({
      version: r.version,
      editedById: r.editedById,
      editedByName: r.editedByName,
      editedAt: r.editedAt.toISOString(),
      changes: r.changes,
      snapshot: r.snapshot as Record<string, unknown>,
    })),
  });
});

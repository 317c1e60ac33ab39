// The fields of an assessment that analysts edit, as kept in its revision history.
export const ASSESSMENT_TRACKED_FIELDS = [
  'actorId',
  'issueId',
  'sourceId',
  'position',
  'salience',
  'capability',
  'confidence',
  'credibility',
  'stanceDate',
  'quote',
  'rationale',
] as const;
export type AssessmentTrackedField = (typeof ASSESSMENT_TRACKED_FIELDS)[number];

export type AssessmentSnapshot = Record<AssessmentTrackedField, string | number | null>;

export function assessmentSnapshot(row: Record<AssessmentTrackedField, unknown>): AssessmentSnapshot {
  const out = {} as AssessmentSnapshot;
  for (const field of ASSESSMENT_TRACKED_FIELDS) {
    const value = row[field];
    out[field] = value instanceof Date ? value.toISOString().slice(0, 10) : (value as string | number | null);
  }
  return out;
}

export function diffSnapshots(before: AssessmentSnapshot, after: AssessmentSnapshot) {
  const changes: Partial<Record<AssessmentTrackedField, { from: unknown; to: unknown }>> = {};
  for (const field of ASSESSMENT_TRACKED_FIELDS) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

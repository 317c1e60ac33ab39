// The columns (CSV) or keys (JSON) of an assessment import. Names are matched loosely: case, spaces,
// hyphens and camelCase do not matter ("Stance date", "stance-date", "stanceDate" are stance_date).

export interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
}

export const IMPORT_COLUMNS = [
  { name: 'actor', required: true, description: 'Actor name (or one of its aliases, if only one actor has it)' },
  { name: 'issue', required: true, description: 'Issue title' },
  { name: 'source', required: true, description: 'Source title (with source_outlet / source_published to tell apart sources with the same title)' },
  { name: 'position', required: true, description: 'Position on the issue’s scale, 0-100' },
  { name: 'salience', required: true, description: 'Salience of the issue to the actor, 0-100' },
  { name: 'capability', required: false, description: 'Capability (clout) of the actor on the issue, 0-100; empty if unknown' },
  { name: 'confidence', required: true, description: 'LOW, MODERATE or HIGH (any case)' },
  { name: 'credibility', required: true, description: 'Admiralty information credibility, 1-6' },
  { name: 'stance_date', required: true, description: 'When the stance held, YYYY-MM-DD' },
  { name: 'quote', required: true, description: 'The quote or excerpt that supports the reading' },
  { name: 'rationale', required: false, description: 'Why the analyst reads it so' },
  { name: 'actor_kind', required: false, description: 'For a new actor: PERSON, STATE, ORGANISATION, ARMED_GROUP or OTHER (default OTHER)' },
  { name: 'source_outlet', required: false, description: 'For a new source (required then): the publication or outlet' },
  { name: 'source_published', required: false, description: 'For a new source (required then): publication date, YYYY-MM-DD' },
  { name: 'source_kind', required: false, description: 'For a new source: NEWS, THINK_TANK, OFFICIAL_STATEMENT, INTERVIEW, SOCIAL_MEDIA or OTHER (default OTHER)' },
  { name: 'source_reliability', required: false, description: 'For a new source: Admiralty reliability A-F (default F, cannot be judged)' },
  { name: 'source_author', required: false, description: 'For a new source: author' },
  { name: 'source_url', required: false, description: 'For a new source: URL' },
  {
    name: 'issue_anchors',
    required: false,
    description: 'For a new issue (required then): its labelled scale points, e.g. “0=No foreign forces|50=Joint peacekeeping|100=Russian-only force”',
  },
] as const satisfies readonly ImportColumn[];

export type ImportColumnName = (typeof IMPORT_COLUMNS)[number]['name'];

const KNOWN = new Set<string>(IMPORT_COLUMNS.map((c) => c.name));
export const REQUIRED_COLUMNS: ImportColumnName[] = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.name);

/** "Stance date" / "stance-date" / "stanceDate" → "stance_date". */
export function normaliseColumnName(raw: string): string {
  return raw
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function isImportColumn(name: string): name is ImportColumnName {
  return KNOWN.has(name);
}

/** Field of the assessment schema → the column a person sees. */
export const FIELD_COLUMN: Record<string, ImportColumnName> = {
  actorId: 'actor',
  issueId: 'issue',
  sourceId: 'source',
  position: 'position',
  salience: 'salience',
  capability: 'capability',
  confidence: 'confidence',
  credibility: 'credibility',
  stanceDate: 'stance_date',
  quote: 'quote',
  rationale: 'rationale',
};

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actorCreateSchema, ACTOR_KIND_LABELS } from '../actors/schema';
import { ActorKind, Reliability, SourceKind } from '../generated/prisma/enums';
import { issueCreateSchema, type Anchor } from '../issues/schema';
import { sourceCreateSchema, SOURCE_KIND_LABELS } from '../sources/schema';
import type { RawRow } from './rows';

// Resolving the actor, issue and source a row names to records of the workspace (`Lookups`), or to new
// ones the import will create when asked to; a name resolves the same way on every row that uses it.

export interface Lookups {
  actors: { id: string; name: string; aliases: string[]; deleted: boolean }[];
  issues: { id: string; title: string; deleted: boolean }[];
  sources: { id: string; title: string; outlet: string; publishedAt: string; deleted: boolean }[];
}

export interface NewActor {
  id: string;
  name: string;
  kind: ActorKind;
  line: number;
}
export interface NewIssue {
  id: string;
  title: string;
  anchors: Anchor[];
  line: number;
}
export interface NewSource {
  id: string;
  title: string;
  outlet: string;
  author: string;
  url: string;
  publishedAt: string;
  kind: SourceKind;
  reliability: Reliability;
  line: number;
}

export interface PlanOptions {
  createMissing: boolean;
}

const key = (s: string) => s.normalize('NFC').trim().toLowerCase();

type Resolution = { id: string; errors?: undefined } | { id?: undefined; errors: { column: string; reason: string }[] };

/** "Armed group", "armed-group", "ARMED_GROUP" → ARMED_GROUP; unknown text is passed on for the schema to refuse. */
function enumValue<T extends string>(raw: string | undefined, values: readonly T[], labels: Record<T, string>, fallback: T): string {
  const text = raw?.trim() ?? '';
  if (!text) return fallback;
  const upper = text.toUpperCase().replace(/[\s-]+/g, '_');
  const byValue = values.find((v) => v === upper);
  if (byValue) return byValue;
  const byLabel = values.find((v) => labels[v].toLowerCase() === text.toLowerCase());
  return byLabel ?? text;
}

function fieldErrors(error: z.ZodError, columns: Record<string, string>, fallback: string): { column: string; reason: string }[] {
  return error.issues.map((issue) => ({ column: columns[String(issue.path[0] ?? '')] ?? fallback, reason: issue.message }));
}

/** "0=No foreign forces|50=Joint|100=Russian only" → anchors (refused by the issue schema if incomplete). */
export function parseAnchorSpec(spec: string): { value: string; label: string }[] {
  return spec
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1 ? { value: part, label: '' } : { value: part.slice(0, eq).trim(), label: part.slice(eq + 1).trim() };
    });
}

export class Resolver {
  readonly newActors: NewActor[] = [];
  readonly newIssues: NewIssue[] = [];
  readonly newSources: NewSource[] = [];
  private readonly actorByName = new Map<string, string>();
  private readonly actorByAlias = new Map<string, string | 'ambiguous'>();
  private readonly deletedActors = new Set<string>();
  private readonly issueByTitle = new Map<string, string>();
  private readonly deletedIssues = new Set<string>();
  private readonly sourcesByTitle = new Map<string, Lookups['sources']>();
  private readonly actorCache = new Map<string, Resolution & { newActor?: NewActor }>();
  private readonly issueCache = new Map<string, Resolution & { newIssue?: NewIssue }>();
  private readonly sourceCache = new Map<string, Resolution & { newSource?: NewSource }>();
  private readonly newSourcesByTitle = new Map<string, NewSource[]>();

  constructor(
    lookups: Lookups,
    private readonly options: PlanOptions,
  ) {
    for (const a of lookups.actors) {
      if (a.deleted) {
        this.deletedActors.add(key(a.name));
        continue;
      }
      this.actorByName.set(key(a.name), a.id);
      for (const alias of a.aliases) {
        const k = key(alias);
        const existing = this.actorByAlias.get(k);
        this.actorByAlias.set(k, existing && existing !== a.id ? 'ambiguous' : a.id);
      }
    }
    for (const i of lookups.issues) {
      if (i.deleted) this.deletedIssues.add(key(i.title));
      else this.issueByTitle.set(key(i.title), i.id);
    }
    for (const s of lookups.sources) {
      if (s.deleted) continue;
      const list = this.sourcesByTitle.get(key(s.title)) ?? [];
      list.push(s);
      this.sourcesByTitle.set(key(s.title), list);
    }
  }

  private get createHint(): string {
    return this.options.createMissing ? '' : ' Check the spelling, or tick “Create missing actors, issues and sources”.';
  }

  actor(row: RawRow): Resolution {
    const name = row.values.actor?.trim() ?? '';
    if (!name) return { errors: [{ column: 'actor', reason: 'Actor is required' }] };
    const k = key(name);
    let hit = this.actorCache.get(k);
    if (!hit) {
      hit = this.resolveActor(name, k, row);
      this.actorCache.set(k, hit);
    }
    // A new actor's kind comes from the first row naming it; a later row must not say otherwise.
    if (hit.newActor && row.values.actor_kind?.trim()) {
      const kind = enumValue(row.values.actor_kind, Object.values(ActorKind), ACTOR_KIND_LABELS, 'OTHER');
      if (kind !== hit.newActor.kind) {
        return { errors: [{ column: 'actor_kind', reason: `The new actor “${name}” is given kind ${hit.newActor.kind} on line ${hit.newActor.line}` }] };
      }
    }
    return hit;
  }

  private resolveActor(name: string, k: string, row: RawRow): Resolution & { newActor?: NewActor } {
    const byName = this.actorByName.get(k);
    if (byName) return { id: byName };
    const byAlias = this.actorByAlias.get(k);
    if (byAlias === 'ambiguous') return { errors: [{ column: 'actor', reason: `“${name}” is an alias of more than one actor; use the actor’s name` }] };
    if (byAlias) return { id: byAlias };
    if (this.deletedActors.has(k)) {
      return { errors: [{ column: 'actor', reason: `The actor “${name}” was deleted; restore it in Stanceboard first` }] };
    }
    if (!this.options.createMissing) return { errors: [{ column: 'actor', reason: `No actor named “${name}” in this workspace.${this.createHint}` }] };
    const kind = enumValue(row.values.actor_kind, Object.values(ActorKind), ACTOR_KIND_LABELS, 'OTHER');
    const parsed = actorCreateSchema.safeParse({ name, kind, aliases: [], parentId: null });
    if (!parsed.success) return { errors: fieldErrors(parsed.error, { name: 'actor', kind: 'actor_kind' }, 'actor') };
    const newActor: NewActor = { id: randomUUID(), name: parsed.data.name, kind: parsed.data.kind, line: row.line };
    this.newActors.push(newActor);
    return { id: newActor.id, newActor };
  }

  issue(row: RawRow): Resolution {
    const title = row.values.issue?.trim() ?? '';
    if (!title) return { errors: [{ column: 'issue', reason: 'Issue is required' }] };
    const k = key(title);
    let hit = this.issueCache.get(k);
    if (!hit) {
      hit = this.resolveIssue(title, k, row);
      this.issueCache.set(k, hit);
    }
    if (hit.newIssue && row.values.issue_anchors?.trim()) {
      const anchors = parseAnchorSpec(row.values.issue_anchors);
      const same =
        anchors.length === hit.newIssue.anchors.length &&
        [...anchors].sort((a, b) => Number(a.value) - Number(b.value)).every((a, i) => Number(a.value) === hit!.newIssue!.anchors[i]!.value && a.label === hit!.newIssue!.anchors[i]!.label);
      if (!same) return { errors: [{ column: 'issue_anchors', reason: `The new issue “${title}” is given other anchors on line ${hit.newIssue.line}` }] };
    }
    return hit;
  }

  private resolveIssue(title: string, k: string, row: RawRow): Resolution & { newIssue?: NewIssue } {
    const id = this.issueByTitle.get(k);
    if (id) return { id };
    if (this.deletedIssues.has(k)) return { errors: [{ column: 'issue', reason: `The issue “${title}” was deleted; restore it in Stanceboard first` }] };
    const spec = row.values.issue_anchors?.trim();
    if (!this.options.createMissing || !spec) {
      return {
        errors: [
          {
            column: 'issue',
            reason:
              `No issue titled “${title}” in this workspace. ` +
              (this.options.createMissing
                ? 'A new issue needs its scale: give issue_anchors such as “0=…|50=…|100=…”, or create the issue in Stanceboard first.'
                : 'Create it in Stanceboard first (its scale needs labelled anchor points), or give issue_anchors and tick “Create missing actors, issues and sources”.'),
          },
        ],
      };
    }
    const parsed = issueCreateSchema.safeParse({ title, anchors: parseAnchorSpec(spec) });
    if (!parsed.success) return { errors: fieldErrors(parsed.error, { title: 'issue', anchors: 'issue_anchors' }, 'issue_anchors') };
    const newIssue: NewIssue = { id: randomUUID(), title: parsed.data.title, anchors: parsed.data.anchors, line: row.line };
    this.newIssues.push(newIssue);
    return { id: newIssue.id, newIssue };
  }

  source(row: RawRow): Resolution {
    const title = row.values.source?.trim() ?? '';
    if (!title) return { errors: [{ column: 'source', reason: 'Source is required' }] };
    const outlet = row.values.source_outlet?.trim() ?? '';
    const published = row.values.source_published?.trim() ?? '';
    const k = `${key(title)}\u0000${key(outlet)}\u0000${published}`;
    let hit = this.sourceCache.get(k);
    if (!hit) {
      hit = this.resolveSource(title, outlet, published, row);
      this.sourceCache.set(k, hit);
    }
    return hit;
  }

  private resolveSource(title: string, outlet: string, published: string, row: RawRow): Resolution & { newSource?: NewSource } {
    const all = this.sourcesByTitle.get(key(title)) ?? [];
    const matches = all.filter((s) => (!outlet || key(s.outlet) === key(outlet)) && (!published || s.publishedAt === published));
    if (matches.length === 1) return { id: matches[0]!.id };
    if (matches.length > 1) {
      return {
        errors: [
          {
            column: 'source',
            reason: `${matches.length} sources are titled “${title}”${outlet ? ` in ${outlet}` : ''}; give source_outlet and source_published to say which`,
          },
        ],
      };
    }
    // Not an existing source: perhaps one this import creates, named by its title only.
    const planned = this.newSourcesByTitle.get(key(title)) ?? [];
    if (!outlet && !published && planned.length === 1) return { id: planned[0]!.id, newSource: planned[0] };
    if (!this.options.createMissing) {
      return {
        errors: [
          {
            column: 'source',
            reason: `No source titled “${title}”${outlet ? ` from ${outlet}` : ''}${published ? ` published ${published}` : ''} in this workspace.${this.createHint}`,
          },
        ],
      };
    }
    const parsed = sourceCreateSchema.safeParse({
      title,
      outlet: outlet || undefined,
      publishedAt: published || undefined,
      kind: enumValue(row.values.source_kind, Object.values(SourceKind), SOURCE_KIND_LABELS, 'OTHER'),
      reliability: (row.values.source_reliability?.trim() || 'F').toUpperCase(),
      author: row.values.source_author ?? '',
      url: row.values.source_url ?? '',
      citedInId: null,
    });
    if (!parsed.success) {
      return {
        errors: fieldErrors(
          parsed.error,
          {
            title: 'source',
            outlet: 'source_outlet',
            publishedAt: 'source_published',
            kind: 'source_kind',
            reliability: 'source_reliability',
            author: 'source_author',
            url: 'source_url',
          },
          'source',
        ).map((e) => ({ ...e, reason: `New source “${title}”: ${e.reason}` })),
      };
    }
    const { title: t, outlet: o, author, url, publishedAt, kind, reliability } = parsed.data;
    const newSource: NewSource = { id: randomUUID(), title: t, outlet: o, author, url, publishedAt, kind, reliability, line: row.line };
    this.newSources.push(newSource);
    const list = this.newSourcesByTitle.get(key(title)) ?? [];
    list.push(newSource);
    this.newSourcesByTitle.set(key(title), list);
    return { id: newSource.id, newSource };
  }
}

// Global search (lib/search/queries.ts) on real PostgreSQL: the generated search columns, prefix
// matching, accent folding, misspellings, every kind of record, deleted records and workspace isolation.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { searchWorkspace, type SearchResults } from '@/lib/search/queries';
import type { SearchKind } from '@/lib/search/schema';
import { createBasics, createTestWorkspace, type TestWorkspace } from './helpers/fixtures';

let home: TestWorkspace;
let other: TestWorkspace;
const ids = {} as Record<'erdogan' | 'pashinyan' | 'assessment' | 'interest' | 'scenario' | 'source' | 'issue' | 'deletedActor' | 'otherActor', string>;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const idsOf = (results: SearchResults, kind: SearchKind) => results.groups.find((g) => g.kind === kind)!.hits.map((h) => h.id);

beforeAll(async () => {
  home = await createTestWorkspace('Search desk');
  other = await createTestWorkspace('Other search desk');
  const { actor, issue, source } = await createBasics(home.workspaceId);
  const userId = home.admin.userId;
  ids.erdogan = (await db().actor.create({ data: { workspaceId: home.workspaceId, name: 'Recep Tayyip Erdogan', kind: 'PERSON', aliases: ['Ankara'] } })).id;
  ids.pashinyan = (
    await db().actor.create({ data: { workspaceId: home.workspaceId, name: 'Nikol Pashinyan', kind: 'PERSON', aliases: ['Yerevan', 'Armenian prime minister'] } })
  ).id;
  ids.deletedActor = (await db().actor.create({ data: { workspaceId: home.workspaceId, name: 'Erdogan Deleted', kind: 'PERSON', deletedAt: new Date() } })).id;
  ids.otherActor = (await db().actor.create({ data: { workspaceId: other.workspaceId, name: 'Erdogan Elsewhere', kind: 'PERSON' } })).id;
  ids.issue = (
    await db().issue.update({ where: { id: issue.id }, data: { description: 'Who keeps troops along the Lachin corridor.' } })
  ).id;
  ids.source = (
    await db().source.create({
      data: { workspaceId: home.workspaceId, title: 'Kremlin seals ceasefire', outlet: 'The Moscow Times', author: 'Galeotti', publishedAt: day('2020-11-10'), kind: 'NEWS', reliability: 'B', body: 'Peacekeepers deploy to Stepanakert.' },
    })
  ).id;
  ids.assessment = (
    await db().assessment.create({
      data: {
        workspaceId: home.workspaceId,
        actorId: actor.id,
        issueId: issue.id,
        sourceId: source.id,
        position: 90,
        salience: 80,
        confidence: 'HIGH',
        credibility: 2,
        stanceDate: day('2020-11-10'),
        quote: 'Moscow has emerged as the sole broker with boots on the ground.',
        rationale: 'Peacekeeping mandate written by the Kremlin.',
        recordedById: userId,
      },
    })
  ).id;
  ids.interest = (
    await db().statedInterest.create({
      data: { workspaceId: home.workspaceId, actorId: ids.erdogan, sourceId: source.id, statedOn: day('2020-11-11'), quote: 'A sacred success for our brothers.', createdById: userId },
    })
  ).id;
  ids.scenario = (
    await db().scenario.create({ data: { workspaceId: home.workspaceId, issueId: issue.id, name: 'Turkey doubles down', asOf: day('2020-11-12'), createdById: userId } })
  ).id;
});

describe('searchWorkspace', () => {
  it('finds an assessment by a word of its quote, and by the beginning of a word of its rationale', async () => {
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'boots' }), 'assessment')).toEqual([ids.assessment]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'peacekeep' }), 'assessment')).toEqual([ids.assessment]);
  });

  it('needs every word of the query (each as a prefix)', async () => {
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'sole brok' }), 'assessment')).toEqual([ids.assessment]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'sole elephant' }), 'assessment')).toEqual([]);
  });

  it('ignores accents and case: "Erdoğan" finds Erdogan', async () => {
    const results = await searchWorkspace(home.viewer, { q: 'ERDOĞAN' });
    expect(idsOf(results, 'actor')).toEqual([ids.erdogan]);
    expect(results.words).toEqual(['ERDOĞAN']);
  });

  it('finds a misspelled name or alias by trigram similarity: "Pashinian" finds Pashinyan, "Yerevann" his alias', async () => {
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'Pashinian' }), 'actor')).toEqual([ids.pashinyan]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'Yerevann' }), 'actor')).toEqual([ids.pashinyan]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'Ankara' }), 'actor')).toEqual([ids.erdogan]);
  });

  it('covers issues, sources (title, outlet, author, text), stated interests and scenarios', async () => {
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'Lachin' }), 'issue')).toEqual([ids.issue]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'Stepanakert' }), 'source')).toEqual([ids.source]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'Galeoti' }), 'source')).toEqual([ids.source]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'sacred' }), 'interest')).toEqual([ids.interest]);
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'doubles' }), 'scenario')).toEqual([ids.scenario]);
  });

  it('returns the groups in a fixed order, each hit linking to its page', async () => {
    const results = await searchWorkspace(home.viewer, { q: 'sacred' });
    expect(results.groups.map((g) => g.kind)).toEqual(['actor', 'issue', 'source', 'interest', 'assessment', 'scenario']);
    expect(results.groups[3]!.hits[0]).toMatchObject({ href: `/actors/${ids.erdogan}`, title: 'Recep Tayyip Erdogan', texts: ['A sacred success for our brothers.'] });
  });

  it('leaves out deleted records and never shows another workspace’s records', async () => {
    const found = (await searchWorkspace(home.viewer, { q: 'Erdogan' })).groups.flatMap((g) => g.hits.map((h) => h.id));
    expect(found).toContain(ids.erdogan);
    expect(found).not.toContain(ids.deletedActor);
    expect(found).not.toContain(ids.otherActor);
    const fromOther = (await searchWorkspace(other.viewer, { q: 'boots' })).groups.flatMap((g) => g.hits);
    expect(fromOther).toEqual([]);
    expect(idsOf(await searchWorkspace(other.viewer, { q: 'Erdogan' }), 'actor')).toEqual([ids.otherActor]);
  });

  it('keeps the search columns current when a record changes', async () => {
    await db().assessment.update({ where: { id: ids.assessment }, data: { rationale: 'Rewritten after the Zangezur talks.' } });
    expect(idsOf(await searchWorkspace(home.viewer, { q: 'zangezur' }), 'assessment')).toEqual([ids.assessment]);
  });

  it('refuses a query that is too short or has no word, naming the field', async () => {
    for (const q of ['a', '  ', '?!', 'x'.repeat(201)]) {
      const error = await searchWorkspace(home.viewer, { q }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
      expect(Object.keys((error as AppError).extra.fieldErrors ?? {})).toEqual(['q']);
    }
  });

  it('reads nothing without a context', async () => {
    await expect(searchWorkspace(null as never, { q: 'boots' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

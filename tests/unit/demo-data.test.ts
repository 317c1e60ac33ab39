import { readFileSync, existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  demoActors,
  demoAssessments,
  demoInterests,
  demoIssues,
  demoScenarios,
  demoSources,
  demoWorkspace,
  type DemoAssessment,
  type DemoSource,
} from '../../lib/demo/karabakh';

const articleUrl = (file: string) => new URL(`../../prisma/demo/articles/${file}`, import.meta.url);

/**
 * Quote matching is verbatim except for two kinds of normalisation, and only these:
 *  - whitespace: any run of whitespace (including the non-breaking spaces in the ISW text and
 *    line breaks) counts as one space, and leading/trailing whitespace is ignored;
 *  - quotation marks: curly single quotes/apostrophes (‘ ’) count as ', curly double quotes (“ ”) as ".
 * Nothing else (case, dashes, punctuation, ellipses) is normalised.
 */
const normalise = (text: string) =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => isoDate.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const sourceByKey = new Map(demoSources.map((s) => [s.key, s]));
const actorKeys = new Set(demoActors.map((a) => a.key));
const issueKeys = new Set(demoIssues.map((i) => i.key));

/** The article text a quote from this source must be found in: its own, or that of the article carrying it. */
function carryingArticle(source: DemoSource): string | undefined {
  const file = source.articleFile ?? (source.citedInKey ? sourceByKey.get(source.citedInKey)?.articleFile : undefined);
  return file ? readFileSync(articleUrl(file), 'utf8') : undefined;
}

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('Karabakh demo data', () => {
  it('has the workspace and the expected volume of data', () => {
    expect(demoWorkspace).toEqual({ name: 'Caucasus Desk (demo)', slug: 'demo' });
    expect(demoIssues).toHaveLength(3);
    expect(demoAssessments.length).toBeGreaterThanOrEqual(35);
    expect(demoScenarios.length).toBeGreaterThanOrEqual(2);
  });

  it('ships the article files that sources point at', () => {
    for (const source of demoSources) {
      if (source.articleFile) expect(existsSync(articleUrl(source.articleFile)), source.articleFile).toBe(true);
    }
  });

  it('has unique keys, and unique natural keys (the seed looks rows up by name/title)', () => {
    expect(duplicates(demoActors.map((a) => a.key))).toEqual([]);
    expect(duplicates(demoIssues.map((i) => i.key))).toEqual([]);
    expect(duplicates(demoSources.map((s) => s.key))).toEqual([]);
    expect(duplicates(demoScenarios.map((s) => s.key))).toEqual([]);
    expect(duplicates(demoActors.map((a) => a.name))).toEqual([]);
    expect(duplicates(demoIssues.map((i) => i.title))).toEqual([]);
    expect(duplicates(demoSources.map((s) => s.title))).toEqual([]);
    expect(duplicates(demoScenarios.map((s) => `${s.issueKey}|${s.name}`))).toEqual([]);
  });

  it('never gives two actors the same name or alias (highlighting must be unambiguous)', () => {
    const forms = demoActors.flatMap((a) => [a.name, ...a.aliases].map((f) => f.toLowerCase()));
    expect(duplicates(forms)).toEqual([]);
    // Armenia must not claim "Armenian": the ethnic Armenian forces in Nagorno-Karabakh are a separate actor.
    const armenia = demoActors.find((a) => a.key === 'armenia')!;
    expect(armenia.aliases.map((a) => a.toLowerCase())).not.toContain('armenian');
  });

  it('references only existing keys', () => {
    const missing: string[] = [];
    for (const a of demoActors) if (a.parentKey && !actorKeys.has(a.parentKey)) missing.push(`actor ${a.key} parent ${a.parentKey}`);
    for (const s of demoSources) {
      if (s.citedInKey && !sourceByKey.has(s.citedInKey)) missing.push(`source ${s.key} citedIn ${s.citedInKey}`);
    }
    for (const i of demoInterests) {
      if (!actorKeys.has(i.actorKey)) missing.push(`interest actor ${i.actorKey}`);
      if (!sourceByKey.has(i.sourceKey)) missing.push(`interest source ${i.sourceKey}`);
    }
    for (const a of demoAssessments) {
      if (!actorKeys.has(a.actorKey)) missing.push(`assessment actor ${a.actorKey}`);
      if (!issueKeys.has(a.issueKey)) missing.push(`assessment issue ${a.issueKey}`);
      if (!sourceByKey.has(a.sourceKey)) missing.push(`assessment source ${a.sourceKey}`);
    }
    for (const s of demoScenarios) {
      if (!issueKeys.has(s.issueKey)) missing.push(`scenario ${s.key} issue ${s.issueKey}`);
      for (const o of s.overrides) if (!actorKeys.has(o.actorKey)) missing.push(`scenario ${s.key} actor ${o.actorKey}`);
    }
    expect(missing).toEqual([]);
  });

  it('has an acyclic actor hierarchy with the people under their organisations', () => {
    const parent = new Map(demoActors.map((a) => [a.key, a.parentKey]));
    for (const a of demoActors) {
      const seen = new Set<string>();
      for (let k: string | undefined = a.key; k; k = parent.get(k)) {
        expect(seen.has(k), `cycle through ${k}`).toBe(false);
        seen.add(k);
      }
    }
    expect(Object.fromEntries(demoActors.filter((a) => a.parentKey).map((a) => [a.key, a.parentKey]))).toMatchObject({
      putin: 'russia',
      erdogan: 'turkey',
      aliyev: 'azerbaijan',
      pashinyan: 'armenia',
      gabuev: 'carnegie-moscow',
      unluhisarcikli: 'gmf',
      galeotti: 'rusi',
      yazici: 'isw',
    });
  });

  it('quotes every assessment and interest verbatim from the article text of its source or of the source carrying it', () => {
    const problems: string[] = [];
    const check = (label: string, sourceKey: string, quote: string) => {
      const source = sourceByKey.get(sourceKey);
      if (!source) return problems.push(`${label}: unknown source ${sourceKey}`);
      const text = carryingArticle(source);
      if (!text) return problems.push(`${label}: source ${sourceKey} has no article text (no articleFile, not cited in one)`);
      if (!normalise(quote)) return problems.push(`${label}: empty quote`);
      if (!normalise(text).includes(normalise(quote))) problems.push(`${label}: not found in article: ${quote}`);
    };
    demoAssessments.forEach((a, i) => check(`assessment #${i} ${a.actorKey}/${a.issueKey}/${a.sourceKey}`, a.sourceKey, a.quote));
    demoInterests.forEach((x, i) => check(`interest #${i} ${x.actorKey}/${x.sourceKey}`, x.sourceKey, x.quote));
    expect(problems).toEqual([]);
  });

  it('points quoted sources at an article that has a body', () => {
    for (const s of demoSources.filter((x) => x.citedInKey)) {
      expect(sourceByKey.get(s.citedInKey!)?.articleFile, s.key).toBeTruthy();
    }
  });

  it('keeps values in range and dates valid', () => {
    const bad: string[] = [];
    const in0to100 = (v: number) => Number.isFinite(v) && v >= 0 && v <= 100;
    for (const s of demoSources) if (!validDate(s.publishedAt)) bad.push(`source ${s.key} date ${s.publishedAt}`);
    for (const i of demoInterests) if (!validDate(i.statedOn)) bad.push(`interest ${i.actorKey} date ${i.statedOn}`);
    demoAssessments.forEach((a, i) => {
      const label = `assessment #${i} ${a.actorKey}/${a.issueKey}/${a.sourceKey}`;
      if (!in0to100(a.position)) bad.push(`${label} position ${a.position}`);
      if (!in0to100(a.salience)) bad.push(`${label} salience ${a.salience}`);
      if (a.capability !== null && !in0to100(a.capability)) bad.push(`${label} capability ${a.capability}`);
      if (!Number.isInteger(a.credibility) || a.credibility < 1 || a.credibility > 6) bad.push(`${label} credibility ${a.credibility}`);
      if (!validDate(a.stanceDate)) bad.push(`${label} stanceDate ${a.stanceDate}`);
      // A source cannot report a stance from after its own publication.
      const source = sourceByKey.get(a.sourceKey);
      if (source && a.stanceDate > source.publishedAt) bad.push(`${label} stance ${a.stanceDate} after source ${source.publishedAt}`);
      // 9 Nov is the day the deal was signed; keep stances clearly before or after it.
      if (a.stanceDate === '2020-11-09') bad.push(`${label} dated on the day of the deal`);
      if (a.rationale.trim().length < 20) bad.push(`${label} has no real rationale`);
    });
    for (const s of demoScenarios) {
      if (!validDate(s.asOf)) bad.push(`scenario ${s.key} asOf ${s.asOf}`);
      for (const o of s.overrides) {
        for (const v of [o.position, o.salience, o.capability]) if (v !== undefined && !in0to100(v)) bad.push(`scenario ${s.key} override ${v}`);
      }
      for (const e of s.estimates) if (!validDate(e.estimatedOn)) bad.push(`scenario ${s.key} estimate date ${e.estimatedOn}`);
    }
    expect(bad).toEqual([]);
  });

  it('gives every issue ascending anchors that include 0 and 100', () => {
    for (const issue of demoIssues) {
      const values = issue.anchors.map((a) => a.value);
      expect(values.length, issue.key).toBeGreaterThanOrEqual(3);
      expect(values[0], issue.key).toBe(0);
      expect(values[values.length - 1], issue.key).toBe(100);
      for (let i = 1; i < values.length; i++) expect(values[i]!, issue.key).toBeGreaterThan(values[i - 1]!);
      for (const a of issue.anchors) expect(a.label.trim(), issue.key).not.toBe('');
    }
    const fmp = demoIssues.find((i) => i.title === 'Foreign military presence in Nagorno-Karabakh')!;
    expect(fmp.anchors.find((a) => a.value === 0)?.label).toMatch(/no foreign forces/i);
    expect(fmp.anchors.find((a) => a.value === 50)?.label).toMatch(/joint Russian-Turkish/i);
    expect(fmp.anchors.find((a) => a.value === 100)?.label).toMatch(/Russian-only/i);
  });

  it('has no duplicate (actor, issue, source, stance date) assessment', () => {
    expect(duplicates(demoAssessments.map((a) => `${a.actorKey}|${a.issueKey}|${a.sourceKey}|${a.stanceDate}`))).toEqual([]);
  });

  it('notes that the London Daily page is dated 2025 but describes the 2020 deal', () => {
    const ld = demoSources.find((s) => s.outlet === 'London Daily')!;
    expect(ld.publishedAt).toBe('2025-11-07');
    expect(ld.title).toMatch(/2025/);
    expect(ld.title).toMatch(/2020/);
  });

  it('puts every likelihood estimate inside its ICD 203 band', () => {
    const bands = {
      ALMOST_NO_CHANCE: [0.01, 0.05],
      VERY_UNLIKELY: [0.05, 0.2],
      UNLIKELY: [0.2, 0.45],
      ROUGHLY_EVEN: [0.45, 0.55],
      LIKELY: [0.55, 0.8],
      VERY_LIKELY: [0.8, 0.95],
      ALMOST_CERTAIN: [0.95, 0.99],
    } as const;
    for (const s of demoScenarios) {
      expect(s.estimates.length, s.key).toBeGreaterThanOrEqual(2);
      expect(duplicates(s.overrides.map((o) => o.actorKey)), s.key).toEqual([]);
      for (const e of s.estimates) {
        const [lo, hi] = bands[e.likelihood];
        expect(e.probability, `${s.key} ${e.estimatedOn} ${e.likelihood}`).toBeGreaterThanOrEqual(lo);
        expect(e.probability, `${s.key} ${e.estimatedOn} ${e.likelihood}`).toBeLessThanOrEqual(hi);
      }
    }
  });

  describe('shows the shift around the 9 November 2020 agreement', () => {
    // Mean position across all sources and analysts: before = stance dated before 9 Nov 2020,
    // after = stance dated 10 Nov 2020 or later.
    const mean = (xs: DemoAssessment[]) => xs.reduce((sum, a) => sum + a.position, 0) / xs.length;
    const readings = (actorKey: string, issueKey: string) => {
      const all = demoAssessments.filter((a) => a.actorKey === actorKey && a.issueKey === issueKey);
      return { before: all.filter((a) => a.stanceDate < '2020-11-09'), after: all.filter((a) => a.stanceDate >= '2020-11-10') };
    };

    const expectations: { issue: string; actor: string; direction: 'up' | 'down'; why: string }[] = [
      {
        issue: 'foreign-military-presence',
        actor: 'russia',
        direction: 'up',
        why: 'a joint Turkish-Russian presence was discussed before the deal (ISW); after it Russia has its peacekeepers and "no Turkish armed peacekeepers" (Gabuev): Russian-only',
      },
      {
        issue: 'foreign-military-presence',
        actor: 'turkey',
        direction: 'up',
        why: 'Ankara sought a joint presence; after the deal its troops are kept out and it is left with a monitoring role outside the enclave, "clearly secondary to Russia\'s" (Eurasia Group)',
      },
      {
        issue: 'territorial-control',
        actor: 'russia',
        direction: 'up',
        why: 'Moscow sought ceasefires on the lines during the war, then brokered an agreement "on Azerbaijani terms" that "locks in territorial gains" for Azerbaijan',
      },
      {
        issue: 'territorial-control',
        actor: 'turkey',
        direction: 'down',
        why: 'Ankara insisted on full Armenian withdrawal from Nagorno-Karabakh, then hailed a deal that stops short of it as a "sacred success"',
      },
      {
        issue: 'turkey-role',
        actor: 'russia',
        direction: 'up',
        why: 'Moscow thwarted a stronger Turkish presence in its "backyard", then settled for denying Turkey armed peacekeepers while leaving it a secondary role',
      },
      {
        issue: 'turkey-role',
        actor: 'turkey',
        direction: 'down',
        why: 'Ankara aimed at a foothold and possibly replacing Russia as Baku\'s patron; after the deal it "maintains some role, but it is clearly secondary to Russia\'s"',
      },
      {
        issue: 'territorial-control',
        actor: 'azerbaijan',
        direction: 'down',
        why: 'Baku insisted on full withdrawal, then accepted a deal that "staved off a full Turkish-backed Azeri takeover" while consolidating its gains',
      },
      {
        issue: 'territorial-control',
        actor: 'armenia',
        direction: 'up',
        why: 'Yerevan refused to withdraw, then was "compelled to accept this defeat"',
      },
    ];

    it.each(expectations)('$actor on $issue moves $direction: $why', ({ issue, actor, direction }) => {
      const { before, after } = readings(actor, issue);
      expect(before.length, 'readings before the deal').toBeGreaterThan(0);
      expect(after.length, 'readings after the deal').toBeGreaterThan(0);
      const shift = mean(after) - mean(before);
      if (direction === 'up') expect(shift).toBeGreaterThanOrEqual(5);
      else expect(shift).toBeLessThanOrEqual(-5);
    });

    it('lands Russia at Russian-only peacekeeping after the deal', () => {
      const { after } = readings('russia', 'foreign-military-presence');
      expect(mean(after)).toBeGreaterThanOrEqual(90);
    });
  });

  it('records disagreement between sources for the same actor, issue and date', () => {
    const groups = new Map<string, Set<number>>();
    for (const a of demoAssessments) {
      const k = `${a.actorKey}|${a.issueKey}|${a.stanceDate}`;
      groups.set(k, (groups.get(k) ?? new Set()).add(a.position));
    }
    const disagreements = [...groups.entries()].filter(([, positions]) => positions.size > 1).map(([k]) => k);
    expect(disagreements).toContain('turkey|foreign-military-presence|2020-11-10');
    expect(disagreements.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every source the origin of the article its text comes from, so the sources quoted in one article share it', () => {
    const articles = demoSources.filter((s) => s.articleFile);
    expect(articles.length).toBe(2);
    // The two articles are independent of each other.
    expect(new Set(articles.map((a) => a.origin)).size).toBe(2);
    for (const source of demoSources) {
      const carrier = source.articleFile ? source : sourceByKey.get(source.citedInKey ?? '');
      expect(carrier, `${source.key} is an article or quoted in one`).toBeDefined();
      expect(source.origin, source.key).toBe(carrier!.origin);
      // The origin names the carrying article (its outlet and title as the article gives it).
      expect(source.origin).toContain(carrier!.outlet);
    }
    // The issue's example: the London Daily piece quotes Gabuev, Unluhisarcikli, Eurasia Group and Galeotti.
    const ld = demoSources.find((s) => s.outlet === 'London Daily')!;
    const sharing = demoSources.filter((s) => s.origin === ld.origin && s !== ld).map((s) => s.outlet);
    expect(sharing).toEqual(expect.arrayContaining(['Carnegie Moscow Center', 'German Marshall Fund', 'Eurasia Group', 'The Moscow Times']));
  });
});

// Checking import rows: names resolved to records, every field checked with the assessment form's
// schema, and every problem reported with its line, column and reason.
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseCsv } from '@/lib/import/csv';
import { elementLines, parseJsonRows } from '@/lib/import/json-rows';
import { planImport } from '@/lib/import/plan';
import { parseAnchorSpec, type Lookups } from '@/lib/import/resolve';
import { rowsFromCsv, rowsFromJson } from '@/lib/import/rows';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const lookups: Lookups = {
  actors: [
    { id: id(1), name: 'Russia', aliases: ['Moscow', 'the Kremlin'], deleted: false },
    { id: id(2), name: 'Turkey', aliases: ['Ankara', 'Shared alias'], deleted: false },
    { id: id(3), name: 'Azerbaijan', aliases: ['Shared alias'], deleted: false },
    { id: id(4), name: 'Old actor', aliases: [], deleted: true },
  ],
  issues: [
    { id: id(11), title: 'Foreign military presence', deleted: false },
    { id: id(12), title: 'Deleted issue', deleted: true },
  ],
  sources: [
    { id: id(21), title: 'ISW update', outlet: 'ISW', publishedAt: '2020-11-13', deleted: false },
    { id: id(22), title: 'Press review', outlet: 'Daily A', publishedAt: '2020-11-10', deleted: false },
    { id: id(23), title: 'Press review', outlet: 'Daily B', publishedAt: '2020-11-11', deleted: false },
  ],
};

const HEADER = 'actor,issue,source,position,salience,capability,confidence,credibility,stance_date,quote,rationale';
const GOOD = 'Russia,Foreign military presence,ISW update,90,85,,moderate,2,2020-11-10,"Putin seized those reins, said the analyst.",';

function plan(lines: string[], createMissing = false, header = HEADER) {
  return planImport(rowsFromCsv(parseCsv([header, ...lines].join('\n'))).rows, lookups, { createMissing });
}
function fileRefusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('header', () => {
  it('requires every required column and names the missing ones', () => {
    expect(fileRefusal(() => rowsFromCsv(parseCsv('actor,issue,position\nx,y,1')))).toMatch(/no “source”, “salience”, “confidence”, “credibility”, “stance_date”, “quote” columns/);
  });

  it('matches column names loosely and ignores unknown columns', () => {
    const { rows, ignoredColumns } = rowsFromCsv(
      parseCsv('Actor,Issue,Source,Position,Salience,Confidence,Credibility,Stance date,Quote,id,version\nRussia,I,S,1,2,LOW,3,2020-01-01,q,abc,1'),
    );
    expect(ignoredColumns).toEqual(['id', 'version']);
    expect(rows[0]!.values).toMatchObject({ actor: 'Russia', stance_date: '2020-01-01', quote: 'q' });
  });

  it('refuses a column named twice', () => {
    expect(fileRefusal(() => rowsFromCsv(parseCsv(`${HEADER},Quote\n`)))).toMatch(/“quote” appears twice/);
  });
});

describe('planImport', () => {
  it('resolves names (any case, aliases) and validates a good row with the form schema', () => {
    const result = plan([GOOD, 'moscow,FOREIGN MILITARY PRESENCE,isw update,40.5,60,70,HIGH,1,2020-11-11,Quote two,Because']);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      expect.objectContaining({ line: 2, actorId: id(1), issueId: id(11), sourceId: id(21), position: 90, salience: 85, capability: null, confidence: 'MODERATE', credibility: 2 }),
      expect.objectContaining({ line: 3, actorId: id(1), position: 40.5, capability: 70, confidence: 'HIGH', rationale: 'Because' }),
    ]);
  });

  const bad: Array<[string, string, string, RegExp]> = [
    ['position above the scale', GOOD.replace(',90,', ',101,'), 'position', /Position must be between 0 and 100/],
    ['position not a number', GOOD.replace(',90,', ',ninety,'), 'position', /Position must be a number/],
    ['position empty', GOOD.replace(',90,', ',,'), 'position', /Position is required/],
    ['salience below the scale', GOOD.replace(',85,', ',-5,'), 'salience', /Salience must be between 0 and 100/],
    ['capability out of range', GOOD.replace(',85,,', ',85,300,'), 'capability', /Capability must be between 0 and 100/],
    ['unknown confidence', GOOD.replace('moderate', 'medium'), 'confidence', /Choose a confidence level/],
    ['credibility not 1-6', GOOD.replace(',2,2020', ',7,2020'), 'credibility', /Credibility must be a whole number from 1 to 6/],
    ['stance date in another format', GOOD.replace('2020-11-10', '10/11/2020'), 'stance_date', /Stance date must be a date \(YYYY-MM-DD\)/],
    ['stance date not in the calendar', GOOD.replace('2020-11-10', '2021-02-29'), 'stance_date', /not a real calendar date/],
    ['quote empty', GOOD.replace('"Putin seized those reins, said the analyst."', ''), 'quote', /Quote is required/],
    ['unknown actor', GOOD.replace('Russia', 'Rusia'), 'actor', /No actor named “Rusia”.*tick “Create missing/],
    ['deleted actor', GOOD.replace('Russia', 'Old actor'), 'actor', /was deleted; restore it/],
    ['alias of two actors', GOOD.replace('Russia', 'Shared alias'), 'actor', /alias of more than one actor/],
    ['empty actor', GOOD.replace('Russia', ''), 'actor', /Actor is required/],
    ['unknown issue', GOOD.replace('Foreign military presence', 'Unknown issue'), 'issue', /No issue titled “Unknown issue”/],
    ['deleted issue', GOOD.replace('Foreign military presence', 'Deleted issue'), 'issue', /was deleted/],
    ['unknown source', GOOD.replace('ISW update', 'Nowhere'), 'source', /No source titled “Nowhere”/],
    ['ambiguous source title', GOOD.replace('ISW update', 'Press review'), 'source', /2 sources are titled “Press review”; give source_outlet/],
  ];
  for (const [what, line, column, reason] of bad) {
    it(`reports ${what} with line, column and reason`, () => {
      const result = plan(['', GOOD, line]);
      expect(result.rows).toHaveLength(1);
      expect(result.badRowCount).toBe(1);
      expect(result.errors).toEqual([expect.objectContaining({ line: 4, column, reason: expect.stringMatching(reason) })]);
    });
  }

  it('reports every problem of every row, and the value given', () => {
    const result = plan([GOOD.replace(',90,85,', ',x,200,').replace('Russia', 'Nobody'), GOOD, GOOD.replace('moderate', 'sure')]);
    expect(result.badRowCount).toBe(2);
    expect(result.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, 'actor', 'Nobody'],
      [2, 'position', 'x'],
      [2, 'salience', '200'],
      [4, 'confidence', 'sure'],
    ]);
  });

  it('reports a row with too many or too few values as a whole-row problem', () => {
    const result = plan([`${GOOD},extra`, 'Russia,Foreign military presence']);
    expect(result.errors.filter((e) => e.column === null).map((e) => [e.line, e.reason])).toEqual([
      [2, expect.stringMatching(/12 values but the header has 11 columns/)],
      [3, expect.stringMatching(/2 values but the header has 11 columns/)],
    ]);
  });

  it('puts a CSV syntax problem on the row it is in', () => {
    const result = plan([GOOD, 'Russia,Foreign military presence,ISW update,1,1,,LOW,1,2020-01-01,"bad"quote,']);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, column: null, reason: expect.stringMatching(/closing quote/) })]);
  });

  it('tells same-titled sources apart by outlet and date', () => {
    const header = `${HEADER},source_outlet,source_published`;
    const result = plan([`${GOOD.replace('ISW update', 'Press review')},Daily B,`, `${GOOD.replace('ISW update', 'Press review')},,2020-11-10`], false, header);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.sourceId)).toEqual([id(23), id(22)]);
  });
});

describe('planImport with “create missing”', () => {
  const header = `${HEADER},actor_kind,source_outlet,source_published,source_kind,source_reliability,issue_anchors`;
  const row = (actor: string, issue: string, source: string, extra: string) =>
    `${actor},${issue},${source},50,50,,LOW,3,2020-11-12,A quote,,${extra}`;

  it('plans new actors, sources and issues once each, validated with their own schemas', () => {
    const result = plan(
      [
        row('Wagner Group', 'Corridor control', 'New report', 'armed group,Reuters,2020-11-12,News article,b,0=Armenian control|50=Russian guard|100=Azerbaijani control'),
        row('wagner group', 'corridor control', 'New report', ',,,,,'),
      ],
      true,
      header,
    );
    expect(result.errors).toEqual([]);
    expect(result.newActors).toEqual([expect.objectContaining({ name: 'Wagner Group', kind: 'ARMED_GROUP', line: 2 })]);
    expect(result.newSources).toEqual([expect.objectContaining({ title: 'New report', outlet: 'Reuters', publishedAt: '2020-11-12', kind: 'NEWS', reliability: 'B' })]);
    expect(result.newIssues).toEqual([
      expect.objectContaining({
        title: 'Corridor control',
        anchors: [
          { value: 0, label: 'Armenian control' },
          { value: 50, label: 'Russian guard' },
          { value: 100, label: 'Azerbaijani control' },
        ],
      }),
    ]);
    const [a, b] = result.rows;
    expect([b!.actorId, b!.issueId, b!.sourceId]).toEqual([a!.actorId, a!.issueId, a!.sourceId]);
  });

  it('refuses an unknown issue without anchors, a new source without outlet or date, and a conflicting kind', () => {
    const result = plan(
      [
        row('Russia', 'No scale issue', 'ISW update', ',,,,,'),
        row('Russia', 'Foreign military presence', 'Undated report', ',,,,,'),
        row('Wagner', 'Foreign military presence', 'ISW update', 'STATE,,,,,'),
        row('Wagner', 'Foreign military presence', 'ISW update', 'PERSON,,,,,'),
        row('Russia', 'Half scale', 'ISW update', ',,,,,0=None|50=Half'),
      ],
      true,
      header,
    );
    expect(result.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [2, 'issue', expect.stringMatching(/A new issue needs its scale: give issue_anchors/)],
      [3, 'source_outlet', expect.stringMatching(/New source “Undated report”: Outlet is required/)],
      [3, 'source_published', expect.stringMatching(/New source “Undated report”: Published is required/)],
      [5, 'actor_kind', expect.stringMatching(/given kind STATE on line 4/)],
      [6, 'issue_anchors', expect.stringMatching(/anchor points at 0 and at 100/)],
    ]);
  });
});

describe('JSON rows', () => {
  it('finds the line each row object starts on, top-level or under "assessments"', () => {
    expect(elementLines('[\n  {"a": "]"},\n\n  {"b": [1, {"c": 2}]}\n]', false)).toEqual([2, 4]);
    expect(elementLines('{"meta": [{"x": 1}],\n "assessments": [\n {"a": 1},\n {"a": 2}\n]}', true)).toEqual([3, 4]);
  });

  it('reads rows, keeps numbers as values, and reports rows that are not objects or values that are not text', () => {
    const rows = rowsFromJson(parseJsonRows('[\n{"actor": "Russia", "position": 62.5, "stanceDate": "2020-11-10", "extra": true},\n"oops",\n{"quote": ["a"]}\n]'));
    expect(rows.ignoredColumns).toEqual(['extra']);
    expect(rows.rows[0]).toMatchObject({ line: 2, values: { actor: 'Russia', position: '62.5', stance_date: '2020-11-10' }, problems: [] });
    expect(rows.rows[1]).toMatchObject({ line: 3, problems: [{ column: null, reason: expect.stringMatching(/must be an object/) }] });
    expect(rows.rows[2]).toMatchObject({ line: 4, problems: [{ column: 'quote', reason: 'quote must be text or a number, not a list' }] });
  });

  it('refuses JSON that does not parse, saying where', () => {
    expect(fileRefusal(() => parseJsonRows('[\n{"actor": "Russia",}\n]'))).toMatch(/not valid JSON at line 2, column 20: Expected double-quoted property name/);
    expect(fileRefusal(() => parseJsonRows('{"rows": []}'))).toMatch(/array of rows/);
  });
});

describe('parseAnchorSpec', () => {
  it('splits value=label pairs', () => {
    expect(parseAnchorSpec(' 0 = None | 100=All = of it |')).toEqual([
      { value: '0', label: 'None' },
      { value: '100', label: 'All = of it' },
    ]);
  });
});

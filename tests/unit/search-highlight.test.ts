import { describe, expect, it } from 'vitest';
import { highlight } from '@/lib/search/highlight';
import { foldText, prefixTsQuery, searchWords } from '@/lib/search/terms';

const marked = (text: string, words: string[], max?: number) =>
  highlight(text, words, max)
    .segments.map((s) => (s.match ? `[${s.text}]` : s.text))
    .join('');

describe('searchWords and prefixTsQuery', () => {
  it('keeps only runs of letters and digits, so no tsquery syntax gets through', () => {
    expect(searchWords("Erdoğan's  'sacred' & !success | <-> :*")).toEqual(['Erdoğan', 's', 'sacred', 'success']);
    expect(prefixTsQuery(searchWords('sole & broker'))).toBe('sole:* & broker:*');
  });
  it('drops repeated words (case- and accent-insensitive) and stops at eight', () => {
    expect(searchWords('Baku baku BAKÚ')).toEqual(['Baku']);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('foldText', () => {
  it('folds case and accents one character for one', () => {
    expect(foldText('Erdoğan Ünlühisarcıklı')).toBe('erdogan unluhisarcıklı');
    expect(foldText('Straße').length).toBe('Straße'.length);
  });
});

describe('highlight', () => {
  it('marks every word that starts with a query word, ignoring case and accents', () => {
    expect(marked('Erdoğan met Erdogan in Baku.', ['erdogan', 'bak'])).toBe('[Erdoğan] met [Erdogan] in [Bak]u.');
  });
  it('does not mark a query word inside another word', () => {
    expect(marked('Peacekeepers and keepers', ['keep'])).toBe('Peacekeepers and [keep]ers');
  });
  it('prefers the longest matching word', () => {
    expect(marked('Moscow times', ['mos', 'moscow'])).toBe('[Moscow] times');
  });
  it('returns the text unmarked when nothing matches', () => {
    expect(highlight('No match here', ['zzz'])).toEqual({ segments: [{ text: 'No match here', match: false }], clippedStart: false, clippedEnd: false });
  });
  it('cuts long text to an excerpt around the first match, on word boundaries', () => {
    const text = `${'lorem ipsum '.repeat(40)}the sole broker ${'dolor sit '.repeat(40)}`;
    const result = highlight(text, ['broker'], 60);
    const excerpt = result.segments.map((s) => s.text).join('');
    expect(result.clippedStart).toBe(true);
    expect(result.clippedEnd).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(60);
    expect(excerpt).toContain('broker');
    expect(excerpt.startsWith(' ')).toBe(false);
    expect(result.segments.filter((s) => s.match).map((s) => s.text)).toEqual(['broker']);
  });
  it('keeps user text as text: markup in it is not interpreted', () => {
    expect(marked('<b>Baku</b>', ['baku'])).toBe('<b>[Baku]</b>');
  });
});

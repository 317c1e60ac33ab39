// The CSV reader: RFC 4180 quoting, every kind of line end, and the line each record starts on.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '@/lib/import/csv';

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain fields with LF, CRLF and lone CR line ends', () => {
    expect(cells('a,b\n1,2\r\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const { records, problems } = parseCsv('quote,n\r\n"He said ""no"", twice",1\r\n"line one\r\nline two\nline three",2\r\n');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.cells)).toEqual([
      ['quote', 'n'],
      ['He said "no", twice', '1'],
      ['line one\r\nline two\nline three', '2'],
    ]);
  });

  it('reports the line each record starts on, counting line breaks inside quotes', () => {
    const { records } = parseCsv('h1,h2\n"a\nb\nc",1\n\nx,2\n"y\r\nz",3\nlast,4');
    expect(records.map((r) => r.line)).toEqual([1, 2, 6, 7, 9]);
  });

  it('keeps empty fields, including a trailing one, and an empty quoted field', () => {
    expect(cells('a,,c\n"",x,\n')).toEqual([
      ['a', '', 'c'],
      ['', 'x', ''],
    ]);
  });

  it('skips blank lines and the final line end', () => {
    expect(cells('a\n\n\nb\n\n')).toEqual([['a'], ['b']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(cells('5" screen,x')).toEqual([['5" screen', 'x']]);
  });

  it('reports text after a closing quote on its line and keeps the text', () => {
    const { records, problems } = parseCsv('a,b\n"ok" then,2\n');
    expect(records[1]!.cells).toEqual(['ok then', '2']);
    expect(problems).toEqual([{ line: 2, reason: expect.stringMatching(/closing quote in value 1/) }]);
  });

  it('reports a quoted value that is never closed, with the line it starts on', () => {
    const { problems } = parseCsv('a,b\n1,2\n3,"never closed\nmore\n');
    expect(problems).toEqual([{ line: 3, reason: expect.stringMatching(/starting on line 3 is never closed/) }]);
  });

  it('accepts semicolon and tab delimiters, detected from the header line', () => {
    expect(detectDelimiter('actor;issue;quote\n"a,b";c;d')).toBe(';');
    expect(detectDelimiter('actor\tissue\n')).toBe('\t');
    expect(detectDelimiter('actor,issue\n')).toBe(',');
    // Delimiters inside quotes in the header do not count.
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(cells('a;b\n"x;y";2')).toEqual([
      ['a', 'b'],
      ['x;y', '2'],
    ]);
  });

  it('reads an empty text as no records', () => {
    expect(parseCsv('').records).toEqual([]);
  });

  it('keeps non-ASCII text intact', () => {
    expect(cells('actor,quote\nErdoğan,"Ankara: ""kutsal bir başarı"""')[1]).toEqual(['Erdoğan', 'Ankara: "kutsal bir başarı"']);
  });
});

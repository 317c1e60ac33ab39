import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, csvResponse, toCsv } from '@/lib/stance/csv';

describe('CSV cells', () => {
  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('he said "no"')).toBe('"he said ""no"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('carriage\r\nreturn')).toBe('"carriage\r\nreturn"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('neutralises text that a spreadsheet would run as a formula (= + - @, tab, carriage return)', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // A quote or a comma does not hide a formula from the check.
    expect(csvCell('=A1,B1')).toBe('"\'=A1,B1"');
  });

  it('writes numbers as numbers (a negative number is data, not a formula) and leaves empty values empty', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date('2020-11-10T00:00:00Z'))).toBe('2020-11-10T00:00:00.000Z');
  });

  it('builds a file with a byte-order mark and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], ['=z', null]])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n\'=z,\r\n');
  });

  it('makes safe file names and a download response', async () => {
    expect(csvFileName("Turkey's role in the South Caucasus", 'Russia')).toBe('turkey-s-role-in-the-south-caucasus-russia.csv');
    expect(csvFileName('"; rm -rf /', '')).toBe('rm-rf.csv');
    expect(csvFileName('Türkiye / Azərbaycan')).toBe('turkiye-az-rbaycan.csv');
    const response = csvResponse('\uFEFFa\r\n', 'x.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="x.csv"');
    // The byte-order mark is sent (EF BB BF); Response.text() would strip it while decoding.
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
  });
});

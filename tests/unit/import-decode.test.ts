// Bytes to text: UTF-8 with or without BOM and UTF-16 with BOM are read; anything else is refused
// with a message that says what and where.
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { decodeUpload, firstInvalidUtf8 } from '@/lib/import/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
  return out;
}
function refusal(bytes: Uint8Array): AppError {
  try {
    decodeUpload(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('decodeUpload', () => {
  it('reads UTF-8', () => {
    expect(decodeUpload(utf8('actor\nAliyev, İlham'))).toEqual({ text: 'actor\nAliyev, İlham', encoding: 'UTF-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('actor')]))).toEqual({ text: 'actor', encoding: 'UTF-8 with BOM' });
  });

  it('decodes UTF-16 little- and big-endian with a byte-order mark', () => {
    expect(decodeUpload(utf16('actor,quote\nErdoğan,ş', true))).toEqual({ text: 'actor,quote\nErdoğan,ş', encoding: 'UTF-16 LE' });
    expect(decodeUpload(utf16('actor,quote\nErdoğan,ş', false))).toEqual({ text: 'actor,quote\nErdoğan,ş', encoding: 'UTF-16 BE' });
  });

  it('refuses invalid UTF-8 naming the first bad byte, its offset and line', () => {
    // "Montréal" saved as Latin-1: é is the single byte 0xE9.
    const bytes = new Uint8Array([...utf8('actor\nRussia\nMontr'), 0xe9, ...utf8('al\n')]);
    const error = refusal(bytes);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/not valid UTF-8: byte 0xE9 at offset 18 \(line 3\)/);
    expect(error.message).toMatch(/Windows-1252|Latin-1/);
  });

  it('counts the offset from the start of the file when there is a BOM', () => {
    expect(refusal(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff])).message).toMatch(/byte 0xFF at offset 4 \(line 1\)/);
  });

  it('finds truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(utf8('ok'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // cut short at the end
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong NUL
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // UTF-16 surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf0, 0x9f, 0x98, 0x80, 0x80]))).toBe(4); // stray continuation byte
  });

  it('refuses UTF-16 without a byte-order mark, UTF-32, an odd-length UTF-16 file and an empty file', () => {
    const noBom = utf16('actor,issue\n', true).subarray(2);
    expect(refusal(noBom).message).toMatch(/UTF-16 without a byte-order mark/);
    expect(refusal(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])).message).toMatch(/UTF-32/);
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x61])).message).toMatch(/odd number of bytes/);
    expect(refusal(new Uint8Array([])).message).toMatch(/empty/);
  });

  it('refuses a binary file', () => {
    expect(refusal(new Uint8Array([...utf8('PK'), 3, 4, 0, ...utf8('binary content here and more text')])).message).toMatch(/NUL byte at offset 4/);
  });
});

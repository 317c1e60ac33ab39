import { invalid } from '../errors';

// Turning uploaded bytes into text. UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM
// are read; anything else is refused with a message that says what was found and where, because a
// silently mis-decoded name ("AliyevÃ") would create a new actor instead of matching the real one.

export type TextEncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const refuse = (message: string) => invalid({ _file: [message] }, message);

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need > n - 1) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeUpload(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw refuse('The file is empty.');
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw refuse('The file is UTF-32, which is not supported. Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.');
  }
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', 'UTF-16 LE');
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes.subarray(2), 'utf-16be', 'UTF-16 BE');
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = decodeStrict(body, 'utf-8');
  if (text === null) {
    const at = firstInvalidUtf8(body);
    const offset = (bom ? 3 : 0) + Math.max(0, at);
    const byte = bytes[offset] ?? 0;
    throw refuse(
      `The file is not valid UTF-8: byte ${hex(byte)} at offset ${offset} (line ${lineAt(bytes, offset)}) cannot be read. ` +
        'It was probably saved in another encoding (such as Windows-1252 or Latin-1). Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.',
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    // Every other byte zero: UTF-16 saved without a byte-order mark; anything else with NULs is not text.
    const sample = body.subarray(0, 512);
    let zeros = 0;
    for (const b of sample) if (b === 0) zeros++;
    throw refuse(
      zeros > sample.length / 4
        ? 'The file looks like UTF-16 without a byte-order mark, which cannot be read reliably. Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again.'
        : `The file contains a NUL byte at offset ${(bom ? 3 : 0) + new TextEncoder().encode(text.slice(0, nul)).length}: it does not look like a text (CSV or JSON) file.`,
    );
  }
  return { text, encoding: bom ? 'UTF-8 with BOM' : 'UTF-8' };
}

function utf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be', name: TextEncodingName): DecodedText {
  if (bytes.length % 2 !== 0) throw refuse(`The file says it is ${name} but has an odd number of bytes: it is cut short or not ${name}.`);
  const text = decodeStrict(bytes, label);
  if (text === null) {
    // Find the unpaired surrogate to say where.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    for (let i = 0; i < bytes.length; i += 2) {
      const unit = view.getUint16(i, label === 'utf-16le');
      const next = i + 2 < bytes.length ? view.getUint16(i + 2, label === 'utf-16le') : 0;
      if (unit >= 0xd800 && unit <= 0xdbff) {
        if (next >= 0xdc00 && next <= 0xdfff) {
          i += 2;
          continue;
        }
        offset = i;
        break;
      }
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        offset = i;
        break;
      }
    }
    throw refuse(`The file is not valid ${name}: an unpaired surrogate at offset ${offset + 2}. Save it as UTF-8 and upload it again.`);
  }
  return { text, encoding: name };
}

import { AppError, invalid } from '../errors';
import { assertStorableText } from '../validation';

/** JSON bodies of record writes: a source text is up to 500,000 characters, so a few MB is ample. */
export const JSON_BODY_MAX_BYTES = 4 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

function tooLarge(maxBytes: number, size?: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `${size !== undefined ? `The upload is ${formatBytes(size)}; ` : 'The upload is larger than allowed; '}the limit is ${formatBytes(maxBytes)}. Split it into smaller files.`,
    { details: { maxBytes } },
  );
}

/**
 * The request body as bytes, refusing more than `maxBytes` without reading it all: a declared
 * Content-Length over the limit is refused before reading anything, and the bytes are counted while
 * streaming (a client may send no length, or a false one).
 */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
  onProgress?: (receivedBytes: number) => void,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, declared);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
    onProgress?.(received);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** "line 3, column 14" for a character offset, to point at a JSON syntax error. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse with a message that says where the text stops being JSON. */
export function parseJsonText(text: string, what = 'The request body'): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, Number(position[1]))) : '';
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    throw new AppError('VALIDATION', `${what} is not valid JSON${where}: ${reason}.`, { fieldErrors: { _body: [`Not valid JSON${where}`] } });
  }
}

/** The JSON object sent as the body of a write. Malformed JSON and non-objects answer 422 saying what is wrong. */
export async function readJsonObject(request: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type');
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw invalid({ _body: ['Send JSON with Content-Type: application/json'] }, `Send the body as JSON with Content-Type: application/json (got “${type}”).`);
  }
  const bytes = await readLimitedBody(request, maxBytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!text.trim()) throw invalid({ _body: ['The body is empty'] }, 'The request body is empty; send a JSON object.');
  const value = parseJsonText(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid({ _body: ['Send a JSON object'] }, 'The request body must be a JSON object ({ … }).');
  }
  assertStorableText(value, 'The request body');
  return value as Record<string, unknown>;
}

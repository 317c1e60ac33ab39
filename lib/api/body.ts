import { AppError, invalid } from '../errors';
import { formatBytes } from '../format';
import { parseJsonText } from '../json-text';
import { assertStorableText } from '../validation';

/** JSON bodies of record writes: a source text is up to 500,000 characters, so a few MB is ample. */
export const JSON_BODY_MAX_BYTES = 4 * 1024 * 1024;

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

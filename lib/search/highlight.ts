import { foldText } from './terms';

export interface TextSegment {
  text: string;
  match: boolean;
}

export interface Highlighted {
  segments: TextSegment[];
  /** Text was cut before the first segment / after the last. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Splits `text` into plain and matching segments: every place where one of `words` starts a word
 * (prefix matching, accent- and case-insensitive, as the search does). Long text is cut to an excerpt
 * of about `maxLength` characters around the first match. Rendered as React text nodes and <mark>s,
 * never as HTML.
 */
export function highlight(text: string, words: readonly string[], maxLength = Infinity): Highlighted {
  const folded = foldText(text);
  const needles = words.map(foldText).filter((w) => w.length > 0);
  const ranges: [number, number][] = [];
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && WORD_CHAR.test(folded[i - 1]!)) continue;
    let best = 0;
    for (const needle of needles) if (needle.length > best && folded.startsWith(needle, i)) best = needle.length;
    if (best > 0) {
      ranges.push([i, i + best]);
      i += best - 1;
    }
  }

  let start = 0;
  let end = text.length;
  if (text.length > maxLength) {
    const first = ranges[0]?.[0] ?? 0;
    start = Math.max(0, Math.min(first - Math.floor(maxLength / 3), text.length - maxLength));
    // Begin and end on word boundaries.
    if (start > 0) {
      const space = text.indexOf(' ', start);
      if (space !== -1 && space < first) start = space + 1;
    }
    end = Math.min(text.length, start + maxLength);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start && space >= (ranges.find(([s]) => s >= first)?.[1] ?? 0)) end = space;
    }
  }

  const segments: TextSegment[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    segments.push({ text: text.slice(from, to), match: true });
    at = to;
  }
  if (at < end) segments.push({ text: text.slice(at, end), match: false });
  return { segments, clippedStart: start > 0, clippedEnd: end < text.length };
}

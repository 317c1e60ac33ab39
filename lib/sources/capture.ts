// Quick capture: find the actors a source text mentions and split it into sentences an analyst can
// pick as the quote of a new assessment. Pure functions, shared by the page and tests.

export interface ActorNames {
  actorId: string;
  name: string;
  aliases: string[];
}

export interface Segment {
  text: string;
  actorId?: string;
  actorName?: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits `text` into plain and actor-mention segments. Longest names win ("Recep Tayyip Erdogan" over "Erdogan"). */
export function highlightActors(text: string, actors: ActorNames[]): Segment[] {
  const names = actors
    .flatMap((a) => [a.name, ...a.aliases].filter((n) => n.trim().length >= 2).map((n) => ({ n: n.trim(), a })))
    .sort((x, y) => y.n.length - x.n.length);
  if (!names.length || !text) return text ? [{ text }] : [];
  const byLower = new Map<string, ActorNames>();
  for (const { n, a } of names) if (!byLower.has(n.toLowerCase())) byLower.set(n.toLowerCase(), a);
  // \p{L} boundaries so that "Azeri" does not match inside "Azerbaijani" and diacritics work.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${names.map((x) => escapeRegExp(x.n)).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start) });
    const actor = byLower.get(match[0].toLowerCase());
    segments.push({ text: match[0], actorId: actor?.actorId, actorName: actor?.name });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sen|Rep|Gov|Pres|U\.S|U\.K|e\.g|i\.e|vs|etc|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/** Sentences of a source text (paragraph breaks always end one). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\r\n\s*\r\n/)) {
    let current = '';
    const parts = paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?…]["”’)\]]?)\s+(?=["“‘(]?[A-Z0-9])/u);
    for (const part of parts) {
      current = current ? `${current} ${part}` : part;
      if (!ABBREVIATIONS.test(current)) {
        sentences.push(current);
        current = '';
      }
    }
    if (current) sentences.push(current);
  }
  return sentences.filter((s) => s.length > 0);
}

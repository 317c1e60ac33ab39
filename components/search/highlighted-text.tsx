import { highlight } from '@/lib/search/highlight';

/** `text` with the words of the search marked; user text stays text (no HTML is built from it). */
export function HighlightedText({ text, words, maxLength }: { text: string; words: readonly string[]; maxLength?: number }) {
  const { segments, clippedStart, clippedEnd } = highlight(text, words, maxLength);
  return (
    <>
      {clippedStart && '… '}
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
      {clippedEnd && ' …'}
    </>
  );
}

import { describe, expect, it } from 'vitest';
import { highlightActors, splitSentences } from '@/lib/sources/capture';

const actors = [
  { actorId: 'tr', name: 'Turkey', aliases: ['Ankara'] },
  { actorId: 'erd', name: 'Recep Tayyip Erdogan', aliases: ['Erdogan', 'Tayyip Erdogan'] },
  { actorId: 'az', name: 'Azerbaijan', aliases: ['Azeri', 'Baku'] },
];

describe('highlightActors', () => {
  it('marks names and aliases, preferring the longest name, and keeps the text intact', () => {
    const text = 'Turkish President Tayyip Erdogan backed the Azeri offensive; Ankara said so.';
    const segments = highlightActors(text, actors);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.actorId).map((s) => [s.text, s.actorId])).toEqual([
      ['Tayyip Erdogan', 'erd'],
      ['Azeri', 'az'],
      ['Ankara', 'tr'],
    ]);
  });

  it('does not match inside longer words', () => {
    const segments = highlightActors('Azerbaijani forces and Turkeys', actors);
    expect(segments.filter((s) => s.actorId)).toEqual([]);
  });

  it('returns the text as one plain segment when no actor is mentioned', () => {
    expect(highlightActors('Nothing here.', actors)).toEqual([{ text: 'Nothing here.' }]);
  });
});

describe('splitSentences', () => {
  it('splits on sentence ends and paragraph breaks but not after common abbreviations', () => {
    const text = 'Putin won. Mr. Erdogan lost, said the U.S. analyst.\n\nA new paragraph! "Quoted," he said.';
    expect(splitSentences(text)).toEqual([
      'Putin won.',
      'Mr. Erdogan lost, said the U.S. analyst.',
      'A new paragraph!',
      '"Quoted," he said.',
    ]);
  });
});

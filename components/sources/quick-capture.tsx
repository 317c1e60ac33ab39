'use client';

import Link from '@/components/ui/link';
import { useMemo, useState } from 'react';
import { highlightActors, splitSentences, type ActorNames } from '@/lib/sources/capture';

/**
 * The source text, sentence by sentence, with actor names highlighted. Choosing a sentence (or
 * selecting any passage) starts a new assessment with it as the Quote and this source filled in.
 */
export function QuickCapture({ sourceId, storedText, actors, canWrite }: { sourceId: string; storedText: string; actors: ActorNames[]; canWrite: boolean }) {
  const [pasted, setPasted] = useState('');
  const [selection, setSelection] = useState('');
  const text = storedText || pasted;
  const sentences = useMemo(() => splitSentences(text), [text]);
  const mentioned = useMemo(() => {
    const ids = new Map<string, string>();
    for (const s of highlightActors(text, actors)) if (s.actorId && s.actorName) ids.set(s.actorId, s.actorName);
    return [...ids.entries()];
  }, [text, actors]);
  const startHref = (quote: string, actorId?: string) =>
    `/assessments/new?${new URLSearchParams({ sourceId, quote, ...(actorId ? { actorId } : {}) }).toString()}`;

  return (
    <div className="stack">
      {!storedText && (
        <div className="field">
          <label htmlFor="paste-text">Paste the source&apos;s text</label>
          <textarea id="paste-text" value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="Paste the article here to pick quotes from it (edit the source to store the text)." />
        </div>
      )}
      {mentioned.length > 0 && (
        <div className="small">
          <span className="muted">Actors mentioned: </span>
          {mentioned.map(([id, name]) => <span key={id} className="badge" style={{ marginRight: 4 }}>{name}</span>)}
        </div>
      )}
      {canWrite && selection && (
        <div className="notice notice-info row" role="status">
          <span style={{ flex: 1 }}>Selected: “{selection.length > 160 ? `${selection.slice(0, 160)}…` : selection}”</span>
          <Link className="btn btn-primary btn-small" href={startHref(selection)}>Record assessment from selection</Link>
        </div>
      )}
      <div
        className="capture-text"
        onMouseUp={() => setSelection(window.getSelection()?.toString().replace(/\s+/g, ' ').trim() ?? '')}
        style={{ maxHeight: 560, overflow: 'auto', lineHeight: 1.7, border: '1px solid var(--line)', borderRadius: 6, padding: 12, background: 'var(--panel)' }}
      >
        {sentences.length === 0 && <p className="muted">No text yet.</p>}
        {sentences.map((sentence, i) => {
          const segments = highlightActors(sentence, actors);
          const firstActor = segments.find((s) => s.actorId)?.actorId;
          return (
            <span key={i} className="capture-sentence">
              {segments.map((s, j) =>
                s.actorId ? (
                  <mark key={j} title={s.actorName}>{s.text}</mark>
                ) : (
                  <span key={j}>{s.text}</span>
                ),
              )}{' '}
              {canWrite && (
                <Link href={startHref(sentence, firstActor)} className="btn-small" style={{ fontSize: 11, padding: '0 4px', marginRight: 4, border: '1px solid var(--line)', borderRadius: 4 }}>
                  {/* The visible text starts the accessible name (WCAG 2.5.3), the hidden rest says which sentence. */}
                  + assess<span className="visually-hidden">: record an assessment quoting sentence {i + 1}</span>
                </Link>
              )}
            </span>
          );
        })}
      </div>
    </div>
  );
}

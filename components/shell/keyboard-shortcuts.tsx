'use client';

import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { isTypingTarget } from './keyboard';

/** Two-key sequences start with "g"; the second key must follow within this time. */
const SEQUENCE_MS = 1200;

export const SHORTCUTS: { keys: string; label: string; href?: string }[] = [
  { keys: 'g d', label: 'Go to the dashboard', href: '/' },
  { keys: 'g i', label: 'Go to issues', href: '/issues' },
  { keys: 'g a', label: 'Go to assessments', href: '/assessments' },
  { keys: 'n', label: 'New assessment', href: '/assessments/new' },
  { keys: 'Ctrl+K or /', label: 'Search everything' },
  { keys: '?', label: 'Show these shortcuts' },
];

/** The href a key press leads to after `pending` (the previous key, if it started a sequence). */
export function shortcutTarget(pending: string | null, key: string): string | null {
  const sequence = pending ? `${pending} ${key}` : key;
  return SHORTCUTS.find((s) => s.keys === sequence)?.href ?? null;
}

/** Keyboard shortcuts for the main places; never while the user types in a field. "?" lists them. */
export function KeyboardShortcuts() {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<{ key: string; at: number } | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      if (dialog.current?.open) return;
      const key = event.key;
      if (key === '?') {
        event.preventDefault();
        dialog.current?.showModal();
        return;
      }
      const previous = pending && Date.now() - pending.at < SEQUENCE_MS ? pending.key : null;
      const href = shortcutTarget(previous, key.toLowerCase());
      if (href) {
        event.preventDefault();
        setPending(null);
        router.push(href);
      } else if (key.toLowerCase() === 'g') {
        setPending({ key: 'g', at: Date.now() });
      } else {
        setPending(null);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [pending, router]);

  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="data">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">Shortcuts do nothing while you type in a field.</p>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

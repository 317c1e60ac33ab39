'use client';

import { useEffect, useRef } from 'react';
import { isTypingTarget } from '@/components/shell/keyboard';

/** The search box of the app shell: a GET form to /search; Ctrl+K (⌘K) or "/" focus it from anywhere. */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <form method="get" action="/search" role="search" className="shell-search">
      <label htmlFor="shell-search-input" className="visually-hidden">
        Search everything
      </label>
      <input
        ref={input}
        id="shell-search-input"
        type="search"
        name="q"
        placeholder="Search  (Ctrl+K or /)"
        aria-keyshortcuts="Control+K /"
        autoComplete="off"
        minLength={2}
        maxLength={200}
      />
    </form>
  );
}

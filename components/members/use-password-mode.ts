'use client';

import { useState } from 'react';
import type { FormState } from '@/lib/errors';

export type PasswordMode = 'generate' | 'set';

/**
 * The generate/set choice of a password form. React resets a form after its action returns, and a
 * controlled radio does not follow the reset; so the radios are uncontrolled (defaultChecked) and the
 * mode follows what was submitted: kept after an error, back to "generate" after a success.
 */
export function usePasswordMode(state: FormState): [PasswordMode, (mode: PasswordMode) => void] {
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    setMode(!state.ok && state.values?.passwordMode === 'set' ? 'set' : 'generate');
  }
  return [mode, setMode];
}

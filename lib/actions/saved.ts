// The "Saved" confirmation after a form redirects: a fixed key in the address (?saved=assessment), never
// free text, so a crafted link cannot make the app display a message of someone else's choosing.

export const SAVED_MESSAGES = {
  actor: 'Actor saved.',
  issue: 'Issue saved.',
  source: 'Source saved.',
  interest: 'Stated interest saved.',
  assessment: 'Assessment saved.',
  scenario: 'Scenario saved.',
  opinion: 'Your opinion is saved.',
  opinionWithdrawn: 'Your opinion is withdrawn; you can give one again at any time.',
  deleted: 'Deleted. It can be restored from the list of deleted records.',
  restored: 'Restored.',
} as const;
export type SavedKind = keyof typeof SAVED_MESSAGES;

export const SAVED_PARAM = 'saved';

export function withSavedFlag(path: string, kind: SavedKind): string {
  return `${path}${path.includes('?') ? '&' : '?'}${SAVED_PARAM}=${kind}`;
}

export function savedMessage(value: string | null): string | null {
  return value && Object.hasOwn(SAVED_MESSAGES, value) ? SAVED_MESSAGES[value as SavedKind] : null;
}

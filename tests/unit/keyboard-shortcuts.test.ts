import { describe, expect, it } from 'vitest';
import { shortcutTarget, SHORTCUTS } from '@/components/shell/keyboard-shortcuts';

describe('shortcutTarget', () => {
  it('maps g d, g i, g a and n to their places', () => {
    expect(shortcutTarget('g', 'd')).toBe('/');
    expect(shortcutTarget('g', 'i')).toBe('/issues');
    expect(shortcutTarget('g', 'a')).toBe('/assessments');
    expect(shortcutTarget(null, 'n')).toBe('/assessments/new');
  });
  it('needs the g first for the two-key shortcuts, and ignores other keys', () => {
    expect(shortcutTarget(null, 'd')).toBeNull();
    expect(shortcutTarget(null, 'i')).toBeNull();
    expect(shortcutTarget('g', 'x')).toBeNull();
    expect(shortcutTarget('g', 'n')).toBeNull();
    expect(shortcutTarget(null, 'g')).toBeNull();
  });
  it('lists every shortcut, including ? and search, for the help dialog', () => {
    expect(SHORTCUTS.map((s) => s.keys)).toEqual(['g d', 'g i', 'g a', 'n', 'Ctrl+K or /', '?']);
  });
});

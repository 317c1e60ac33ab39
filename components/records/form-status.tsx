'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/errors';

/**
 * The form-level message of a server action: what failed, with a link to each field that needs
 * attention, and for a conflict what is stored now. It takes focus when it appears, so keyboard and
 * screen-reader users land on it instead of being left on the page body.
 */
export function FormStatus({ state, labels }: { state: FormState; labels?: Record<string, string> }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok === false) summary.current?.focus();
  }, [state]);
  if (!state.message && !state.fieldErrors) return null;
  if (state.ok) {
    return (
      <div className="notice notice-ok" role="status">
        {state.message}
      </div>
    );
  }
  const fieldErrors = Object.entries(state.fieldErrors ?? {}).filter(([key, messages]) => key !== '_form' && messages.length > 0);
  const current = (state.details as { current?: Record<string, unknown> } | undefined)?.current;
  const changed = current && state.values
    ? Object.entries(current).filter(([key, value]) => key !== 'version' && key in (labels ?? {}) && normalise(value) !== normalise(state.values?.[key]))
    : [];
  return (
    <div ref={summary} tabIndex={-1} className={`notice error-summary ${state.code === 'CONFLICT' ? 'notice-warn' : 'notice-error'}`} role="alert">
      <div>{state.message ?? 'Some fields need attention; nothing was saved.'}</div>
      {state.code === 'VALIDATION' && <div className="small">Nothing was saved. Fix the fields marked below.</div>}
      {fieldErrors.length > 0 && (
        <ul className="error-links">
          {fieldErrors.map(([key, messages]) => (
            <li key={key}>
              <a href={`#${fieldId(key)}`} onClick={(event) => focusField(event, key)}>
                {messages[0]}
              </a>
            </li>
          ))}
        </ul>
      )}
      {changed.length > 0 && (
        <table className="data" style={{ marginTop: 8, background: '#fff' }}>
          <caption className="small" style={{ textAlign: 'left', padding: '4px 0' }}>
            Stored now vs. your input (saving again applies yours over the stored version)
          </caption>
          <thead>
            <tr>
              <th>Field</th>
              <th>Stored now</th>
              <th>Yours</th>
            </tr>
          </thead>
          <tbody>
            {changed.map(([key, value]) => (
              <tr key={key}>
                <td>{labels?.[key] ?? key}</td>
                <td>{normalise(value)}</td>
                <td>{state.values?.[key]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Form controls are named after their field: <Field name="stanceDate"> renders id="field-stanceDate". */
const fieldId = (key: string) => `field-${key}`;

function focusField(event: React.MouseEvent<HTMLAnchorElement>, key: string) {
  const target = document.getElementById(fieldId(key)) ?? document.getElementsByName(key)[0];
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

function normalise(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  return String(value);
}

/** The version a form should submit: after a conflict, the stored one (the user has now seen it). */
export function versionAfterConflict(state: FormState, initial: number): number {
  const current = (state.details as { current?: { version?: number } } | undefined)?.current;
  return state.code === 'CONFLICT' && typeof current?.version === 'number' ? current.version : initial;
}

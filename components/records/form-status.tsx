import type { FormState } from '@/lib/errors';

/** The form-level message of a server action: what failed, and for a conflict what is stored now. */
export function FormStatus({ state, labels }: { state: FormState; labels?: Record<string, string> }) {
  if (!state.message && !state.fieldErrors) return null;
  if (state.ok) {
    return (
      <div className="notice notice-ok" role="status">
        {state.message}
      </div>
    );
  }
  const current = (state.details as { current?: Record<string, unknown> } | undefined)?.current;
  const changed = current && state.values
    ? Object.entries(current).filter(([key, value]) => key !== 'version' && key in (labels ?? {}) && normalise(value) !== normalise(state.values?.[key]))
    : [];
  return (
    <div className={`notice ${state.code === 'CONFLICT' ? 'notice-warn' : 'notice-error'}`} role="alert">
      <div>{state.message ?? 'Some fields need attention; nothing was saved.'}</div>
      {state.code === 'VALIDATION' && <div className="small">Nothing was saved. Fix the fields marked below.</div>}
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

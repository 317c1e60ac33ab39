'use client';

import { useState } from 'react';

interface Result {
  counts: Record<string, number>;
  users: { matched: number; attributedToImporter: string[] };
}
interface ApiError {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** Restores a workspace export (GET /api/v1/export) into this workspace, which must be empty. */
export function WorkspaceImportForm({ empty }: { empty: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const response = await fetch('/api/v1/import/workspace', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: file });
      const body = await response.json().catch(() => ({}));
      if (response.ok) setResult(body as Result);
      else setError((body as { error?: ApiError }).error ?? { code: `HTTP_${response.status}`, message: `The server answered ${response.status}.` });
    } catch {
      setError({ code: 'NETWORK', message: 'The upload failed (network error). Nothing was imported.' });
    } finally {
      setBusy(false);
    }
  }

  const problems = Object.entries(error?.fieldErrors ?? {});
  return (
    <div className="form">
      {!empty && (
        <div className="notice notice-info" role="status">
          This workspace already has records, so an export cannot be restored into it. Create a new, empty workspace for it.
        </div>
      )}
      <div className="field">
        <label htmlFor="workspace-file">Workspace export (JSON)</label>
        <input id="workspace-file" type="file" accept=".json,application/json" disabled={busy || !empty} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="actions">
        <button type="button" className="btn-primary" disabled={!file || busy || !empty} onClick={submit}>
          {busy ? 'Restoring…' : 'Restore into this workspace'}
        </button>
      </div>
      {result && (
        <div className="notice notice-ok" role="status">
          Restored {Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ')}.
          {result.users.attributedToImporter.length > 0 &&
            ` Records of ${result.users.attributedToImporter.join(', ')} (not members here) are now in your name.`}
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          <div>{error.message}</div>
          {problems.length > 0 && (
            <ul className="small" style={{ margin: '6px 0 0', paddingLeft: 18 }}>
              {problems.slice(0, 50).map(([path, messages]) => (
                <li key={path}>
                  <span className="mono">{path}</span>: {messages.join('; ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

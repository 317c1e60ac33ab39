'use client';

import Link from '@/components/ui/link';
import { useRef, useState } from 'react';
import type { ImportReport } from '@/lib/import/report';
import styles from './import.module.css';

type Stage = 'idle' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';
interface Progress {
  label: string;
  value: number | null;
  detail: string;
}
interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

const PHASES: Record<string, string> = { read: 'Reading the file', parse: 'Reading rows', validate: 'Checking rows', write: 'Writing' };
const SHOWN_ERRORS = 500;
const SAMPLE_COLUMNS = ['actor', 'issue', 'source', 'position', 'salience', 'capability', 'confidence', 'credibility', 'stance_date', 'quote'];

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} bytes`);
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** A CSV cell for a file the user opens in a spreadsheet: quoted when needed, formula-like text neutralised. */
function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function download(name: string, csv: string) {
  const url = URL.createObjectURL(new Blob(['\uFEFF' + csv + '\r\n'], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Upload → check (nothing written; every problem listed) → confirm → import (all or nothing).
 * The file is sent again on confirm, with the fingerprint of the checked one, so the server writes
 * exactly what was checked and keeps nothing between the two steps.
 */
export function ImportWizard({ maxBytes, columns }: { maxBytes: number; columns: { name: string; required: boolean; description: string }[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [createMissing, setCreateMissing] = useState(false);
  const [stage, setStage] = useState<Stage>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = stage === 'checking' || stage === 'importing';

  function reset(keepFile = false) {
    setStage('idle');
    setReport(null);
    setError(null);
    setProgress(null);
    if (!keepFile) {
      setFile(null);
      if (input.current) input.current.value = '';
    }
  }

  function fail(e: ApiError) {
    setError(e);
    setStage('failed');
    setProgress(null);
  }

  function send(mode: 'check' | 'commit') {
    if (!file) return;
    if (file.size > maxBytes) {
      fail({ code: 'PAYLOAD_TOO_LARGE', message: `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}. Split it into smaller files.` });
      return;
    }
    setStage(mode === 'check' ? 'checking' : 'importing');
    setError(null);
    setProgress({ label: 'Uploading', value: 0, detail: formatBytes(file.size) });
    const params = new URLSearchParams({ mode, format: 'auto', createMissing: String(createMissing) });
    if (mode === 'commit' && report) params.set('sha256', report.sha256);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/import/assessments?${params}`);
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    xhr.setRequestHeader('Content-Type', /\.json$/i.test(file.name) ? 'application/json' : /\.csv$/i.test(file.name) ? 'text/csv' : 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress({ label: 'Uploading', value: e.loaded / e.total, detail: `${formatBytes(e.loaded)} of ${formatBytes(e.total)}` });
    };
    xhr.upload.onload = () => setProgress({ label: 'Waiting for the server', value: null, detail: '' });
    let seen = 0;
    let finished = false;
    // The answer is NDJSON: progress lines while the server works, then one result or error line.
    const handleLines = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        let event: { type: string; phase?: string; done?: number; total?: number; result?: ImportReport; error?: ApiError };
        try {
          event = JSON.parse(line);
        } catch {
          continue;
        }
        if (event.type === 'progress' && event.phase) {
          const total = event.total ?? 0;
          const rows = event.phase === 'validate' || event.phase === 'write';
          setProgress({
            label: PHASES[event.phase] ?? event.phase,
            value: total > 0 ? (event.done ?? 0) / total : null,
            detail: rows ? `${(event.done ?? 0).toLocaleString('en')} of ${total.toLocaleString('en')} rows` : '',
          });
        } else if (event.type === 'result' && event.result) {
          finished = true;
          setReport(event.result);
          setStage(mode === 'check' ? 'checked' : 'done');
          setProgress(null);
        } else if (event.type === 'error' && event.error) {
          finished = true;
          const details = event.error.details as ImportReport | undefined;
          if (details && typeof details === 'object' && 'errors' in details) setReport(details);
          fail(event.error);
        }
      }
      seen = end;
    };
    xhr.onprogress = () => handleLines(false);
    xhr.onload = () => {
      if (xhr.status >= 400) {
        // Refused before the stream began (413, 401, 403, 429, a bad parameter).
        let body: { error?: ApiError } = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = {};
        }
        fail(body.error ?? { code: `HTTP_${xhr.status}`, message: `The server answered ${xhr.status}.` });
        return;
      }
      handleLines(true);
      if (!finished) fail({ code: 'INTERNAL', message: 'The server stopped answering before the end. Check the assessments list before trying again.' });
    };
    xhr.onerror = () => fail({ code: 'NETWORK', message: 'The upload failed (network error). Nothing was imported.' });
    xhr.send(file);
  }

  function downloadProblems() {
    if (!report) return;
    const rows = report.errors.map((e) => [e.line, e.column, e.value, e.reason].map(csvCell).join(','));
    download(`${file?.name.replace(/\.\w+$/, '') ?? 'import'}-problems.csv`, ['line,column,value,reason', ...rows].join('\r\n'));
  }

  function downloadTemplate() {
    const example: Record<string, string> = {
      actor: 'Russia',
      issue: 'Foreign military presence in Nagorno-Karabakh',
      source: 'Moscow brokered the ceasefire',
      position: '90',
      salience: '85',
      capability: '80',
      confidence: 'MODERATE',
      credibility: '2',
      stance_date: '2020-11-10',
      quote: 'Putin seized those reins with the November 9 agreement.',
    };
    download('stanceboard-assessments-template.csv', [columns.map((c) => c.name).join(','), columns.map((c) => csvCell(example[c.name])).join(',')].join('\r\n'));
  }

  const created = report?.written;
  return (
    <div className="stack">
      <div className="panel">
        <h2>1. Choose a file</h2>
        <div className="form">
          <div className="field">
            <label htmlFor="import-file">CSV or JSON file</label>
            <input
              id="import-file"
              ref={input}
              type="file"
              accept=".csv,.json,text/csv,application/json"
              disabled={busy}
              aria-describedby="import-file-hint"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset(true);
              }}
            />
            <div className="hint" id="import-file-hint">
              UTF-8 (in Excel: “CSV UTF-8”) or UTF-16 with a byte-order mark, up to {formatBytes(maxBytes)}. The first row names the columns.{' '}
              <button type="button" className="btn-small" onClick={downloadTemplate}>
                Download a template
              </button>
            </div>
          </div>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={createMissing}
              disabled={busy}
              onChange={(e) => {
                setCreateMissing(e.target.checked);
                reset(true);
              }}
            />
            Create missing actors, issues and sources (a new source needs source_outlet and source_published; a new issue needs issue_anchors)
          </label>
          <div className="actions">
            <button type="button" className="btn-primary" disabled={!file || busy} onClick={() => send('check')}>
              {stage === 'checking' ? 'Checking…' : 'Check file'}
            </button>
            {file && (
              <span className="small muted">
                {file.name} · {formatBytes(file.size)}
              </span>
            )}
          </div>
          <p className="small muted">Checking writes nothing. You see every problem, and what would be created, before you import.</p>
        </div>
      </div>

      {progress && (
        <div className="panel" aria-live="polite">
          <div className={styles.progressHead}>
            <span>{progress.label}…</span>
            <span className="small muted">
              {progress.value !== null ? `${Math.round(progress.value * 100)}%` : ''} {progress.detail}
            </span>
          </div>
          <progress className={styles.progress} value={progress.value ?? undefined} max={1} aria-label={progress.label} />
        </div>
      )}

      {error && (
        <div className="notice notice-error" role="alert">
          <div>{error.message}</div>
          {report && report.errorCount > 0 && <div className="small">Nothing was imported. The problems are listed below.</div>}
        </div>
      )}

      {stage === 'done' && created && (
        <div className="notice notice-ok" role="status">
          Imported {plural(created.assessments, 'assessment')}
          {created.actors + created.issues + created.sources > 0 &&
            ` and created ${[created.actors && plural(created.actors, 'actor'), created.issues && plural(created.issues, 'issue'), created.sources && plural(created.sources, 'source')]
              .filter(Boolean)
              .join(', ')}`}
          . <Link href="/assessments?sort=createdAt&dir=desc">See the assessments</Link>{' '}
          <button type="button" className="btn-small" onClick={() => reset()}>
            Import another file
          </button>
        </div>
      )}

      {report && stage !== 'done' && (
        <div className="panel">
          <h2>2. Check</h2>
          <div className={styles.summary}>
            <Stat label="Rows" value={report.rowCount} />
            <Stat label="Ready" value={report.validRowCount} tone="ok" />
            <Stat label="With problems" value={report.badRowCount} tone={report.badRowCount ? 'bad' : undefined} />
            <div className="small muted">
              {report.format.toUpperCase()} · {report.encoding}
              {report.delimiter && report.delimiter !== ',' ? ` · delimiter “${report.delimiter === '\t' ? 'tab' : report.delimiter}”` : ''}
            </div>
          </div>
          {report.ignoredColumns.length > 0 && <p className="small muted">Ignored columns (not part of the import): {report.ignoredColumns.join(', ')}.</p>}

          {report.errorCount > 0 && (
            <>
              <h3 style={{ marginTop: 14 }}>
                {plural(report.errorCount, 'problem')} in {plural(report.badRowCount, 'row')}
              </h3>
              <div className="row" style={{ marginBottom: 8 }}>
                <button type="button" className="btn-small" onClick={downloadProblems}>
                  Download all problems (CSV)
                </button>
                {report.errors.length > SHOWN_ERRORS && <span className="small muted">The first {SHOWN_ERRORS} are shown here.</span>}
                {report.errorsTruncated && <span className="small muted">The report lists the first {report.errors.length.toLocaleString('en')}.</span>}
              </div>
              <div className={styles.scroll}>
                <table className="data" aria-label="Problems">
                  <thead>
                    <tr>
                      <th className="num">Line</th>
                      <th>Column</th>
                      <th>Value</th>
                      <th>Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                      <tr key={i}>
                        <td className="num">{e.line}</td>
                        <td className="mono">{e.column ?? 'whole row'}</td>
                        <td className={styles.value} title={e.value}>
                          {e.value ?? ''}
                        </td>
                        <td>{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          {(report.create.actors.length > 0 || report.create.issues.length > 0 || report.create.sources.length > 0) && (
            <>
              <h3 style={{ marginTop: 14 }}>Will be created</h3>
              <ul className={styles.createList}>
                {report.create.actors.map((a) => (
                  <li key={`a-${a.name}`}>
                    Actor <strong>{a.name}</strong> ({a.kind.toLowerCase().replace('_', ' ')}) <span className="muted small">first named on line {a.line}</span>
                  </li>
                ))}
                {report.create.issues.map((i) => (
                  <li key={`i-${i.title}`}>
                    Issue <strong>{i.title}</strong> ({i.anchors.map((a) => `${a.value} = ${a.label}`).join('; ')}){' '}
                    <span className="muted small">line {i.line}</span>
                  </li>
                ))}
                {report.create.sources.map((s) => (
                  <li key={`s-${s.title}-${s.outlet}-${s.publishedAt}`}>
                    Source <strong>{s.title}</strong> ({s.outlet}, {s.publishedAt}, reliability {s.reliability}) <span className="muted small">line {s.line}</span>
                  </li>
                ))}
              </ul>
            </>
          )}

          {report.sample.length > 0 && (
            <>
              <h3 style={{ marginTop: 14 }}>First rows as read</h3>
              <div className={styles.scroll}>
                <table className="data">
                  <thead>
                    <tr>
                      <th className="num">Line</th>
                      {SAMPLE_COLUMNS.map((c) => (
                        <th key={c}>{c}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {report.sample.map((row, i) => (
                      <tr key={i}>
                        <td className="num">{row.line}</td>
                        {SAMPLE_COLUMNS.map((c) => (
                          <td key={c} className={c === 'quote' ? styles.value : undefined}>
                            {row[c] ?? ''}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          <h2 style={{ marginTop: 18 }}>3. Import</h2>
          {report.ok ? (
            <div className="actions">
              <button type="button" className="btn-primary" disabled={busy} onClick={() => send('commit')}>
                {stage === 'importing' ? 'Importing…' : `Import ${plural(report.validRowCount, 'assessment')}`}
              </button>
              <span className="small muted">All rows are written together, or none.</span>
            </div>
          ) : (
            <p className="small">Fix the problems in the file and check it again: nothing is imported while any row has a problem.</p>
          )}
        </div>
      )}
    </div>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'ok' | 'bad' }) {
  return (
    <div className={styles.stat}>
      <div className={`${styles.statValue} ${tone === 'ok' ? styles.ok : tone === 'bad' ? styles.bad : ''}`}>{value.toLocaleString('en')}</div>
      <div className="small muted">{label}</div>
    </div>
  );
}

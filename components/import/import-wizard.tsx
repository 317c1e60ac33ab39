'use client';

import Link from '@/components/ui/link';
import { useRef, useState } from 'react';
import type { ImportReport } from '@/lib/import/report';
import { downloadCsv, ImportCheck, plural } from './import-check';
import { sendImport, type ApiError } from './import-request';
import styles from './import.module.css';

type Stage = 'idle' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';
interface Progress {
  label: string;
  value: number | null;
  detail: string;
}

const PHASES: Record<string, string> = { read: 'Reading the file', parse: 'Reading rows', validate: 'Checking rows', write: 'Writing' };

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} bytes`);

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
    sendImport(file, { mode, createMissing, sha256: mode === 'commit' && report ? report.sha256 : undefined }, {
      onUploadProgress: (loaded, total) => setProgress({ label: 'Uploading', value: loaded / total, detail: `${formatBytes(loaded)} of ${formatBytes(total)}` }),
      onUploaded: () => setProgress({ label: 'Waiting for the server', value: null, detail: '' }),
      onPhase: (phase, done, total) => {
        const rows = phase === 'validate' || phase === 'write';
        setProgress({
          label: PHASES[phase] ?? phase,
          value: total > 0 ? done / total : null,
          detail: rows ? `${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows` : '',
        });
      },
      onResult: (result) => {
        setReport(result);
        setStage(mode === 'check' ? 'checked' : 'done');
        setProgress(null);
      },
      onError: (refusal, refusedReport) => {
        if (refusedReport) setReport(refusedReport);
        fail(refusal);
      },
    });
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
    downloadCsv(
      'stanceboard-assessments-template.csv',
      columns.map((c) => c.name),
      [columns.map((c) => example[c.name])],
    );
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
          <ImportCheck report={report} fileName={file?.name} />
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

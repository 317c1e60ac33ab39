'use client';

import { downloadBlob } from '@/components/ui/download';
import type { ImportReport } from '@/lib/import/report';
import { toCsv } from '@/lib/stance/csv';
import styles from './import.module.css';

// Step 2 of the import wizard: what the check found (counts, every problem, what would be created, the
// first rows as read).

const SHOWN_ERRORS = 500;
const SAMPLE_COLUMNS = ['actor', 'issue', 'source', 'position', 'salience', 'capability', 'confidence', 'credibility', 'stance_date', 'quote'];

export const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** Saves a CSV for a spreadsheet (lib/stance/csv.ts: byte-order mark, CRLF, formula-like text neutralised). */
export function downloadCsv(name: string, header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): void {
  downloadBlob(new Blob([toCsv(header, rows)], { type: 'text/csv' }), name);
}

export function ImportCheck({ report, fileName }: { report: ImportReport; fileName: string | undefined }) {
  function downloadProblems() {
    const rows = report.errors.map((e) => [e.line, e.column, e.value, e.reason]);
    downloadCsv(`${fileName?.replace(/\.\w+$/, '') ?? 'import'}-problems.csv`, ['line', 'column', 'value', 'reason'], rows);
  }

  return (
    <>
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
    </>
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

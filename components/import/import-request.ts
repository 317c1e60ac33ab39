import type { ImportReport } from '@/lib/import/report';

// The browser's side of POST /api/v1/import/assessments: the upload, and the NDJSON answer read as it
// streams in (progress lines while the server works, then one result or error line).

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

export interface ImportRequest {
  mode: 'check' | 'commit';
  createMissing: boolean;
  /** For a commit: the fingerprint of the checked file, so the server writes exactly what was checked. */
  sha256?: string;
}

export interface ImportHandlers {
  onUploadProgress: (loaded: number, total: number) => void;
  onUploaded: () => void;
  onPhase: (phase: string, done: number, total: number) => void;
  onResult: (report: ImportReport) => void;
  /** `report` when the refusal carries one (the rows' problems). */
  onError: (error: ApiError, report?: ImportReport) => void;
}

export function sendImport(file: File, request: ImportRequest, handlers: ImportHandlers): void {
  const params = new URLSearchParams({ mode: request.mode, format: 'auto', createMissing: String(request.createMissing) });
  if (request.sha256) params.set('sha256', request.sha256);
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/api/v1/import/assessments?${params}`);
  xhr.setRequestHeader('Accept', 'application/x-ndjson');
  xhr.setRequestHeader('Content-Type', /\.json$/i.test(file.name) ? 'application/json' : /\.csv$/i.test(file.name) ? 'text/csv' : 'application/octet-stream');
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) handlers.onUploadProgress(e.loaded, e.total);
  };
  xhr.upload.onload = () => handlers.onUploaded();
  let seen = 0;
  let finished = false;
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
        handlers.onPhase(event.phase, event.done ?? 0, event.total ?? 0);
      } else if (event.type === 'result' && event.result) {
        finished = true;
        handlers.onResult(event.result);
      } else if (event.type === 'error' && event.error) {
        finished = true;
        const details = event.error.details as ImportReport | undefined;
        handlers.onError(event.error, details && typeof details === 'object' && 'errors' in details ? details : undefined);
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
      handlers.onError(body.error ?? { code: `HTTP_${xhr.status}`, message: `The server answered ${xhr.status}.` });
      return;
    }
    handleLines(true);
    if (!finished) handlers.onError({ code: 'INTERNAL', message: 'The server stopped answering before the end. Check the assessments list before trying again.' });
  };
  xhr.onerror = () => handlers.onError({ code: 'NETWORK', message: 'The upload failed (network error). Nothing was imported.' });
  xhr.send(file);
}

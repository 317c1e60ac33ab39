'use client';

/** Opens the browser's print dialog (print to paper or save as PDF); the print stylesheet makes the page a report. */
export function PrintButton({ label = 'Print or save as PDF' }: { label?: string }) {
  return (
    <button type="button" className="btn" onClick={() => window.print()}>
      {label}
    </button>
  );
}

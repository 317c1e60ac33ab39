export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="muted" style={{ padding: 24 }}>
      Loading…
    </div>
  );
}

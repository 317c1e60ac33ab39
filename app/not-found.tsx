import Link from '@/components/ui/link';

export default function NotFound() {
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p className="muted">There is no page at this address.</p>
        <Link className="btn" href="/">Go to Stanceboard</Link>
      </div>
    </main>
  );
}

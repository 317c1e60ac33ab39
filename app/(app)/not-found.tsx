import Link from '@/components/ui/link';

export default function NotFound() {
  return (
    <div className="panel empty">
      <h2>Not found</h2>
      <p>That record does not exist in this workspace, or it was removed.</p>
      <Link className="btn" href="/">Back to the dashboard</Link>
    </div>
  );
}

'use client';

import { useEffect } from 'react';

export default function AppErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="panel empty" role="alert">
      <h2>Something went wrong</h2>
      <p>The page could not be shown. Nothing you saved was lost.</p>
      <p>If the database is restarting, this passes by itself: try again in a few seconds.</p>
      {error.digest && <p className="small muted">Reference for your administrator: {error.digest}</p>}
      <button type="button" onClick={reset}>Try again</button>
    </div>
  );
}

'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { SAVED_PARAM, savedMessage } from '@/lib/actions/saved';

/**
 * The confirmation after a successful save. The flag is then taken out of the address, so a reload
 * does not repeat it; the message stays on that page only.
 */
export function SavedNotice() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const fromUrl = savedMessage(params.get(SAVED_PARAM));
  const [shown, setShown] = useState<{ message: string; path: string } | null>(null);
  // Adjusting state while rendering (React's pattern for state derived from a changing input).
  if (fromUrl && (shown?.message !== fromUrl || shown.path !== pathname)) setShown({ message: fromUrl, path: pathname });
  useEffect(() => {
    if (!fromUrl) return;
    const rest = new URLSearchParams(params);
    rest.delete(SAVED_PARAM);
    router.replace(rest.size ? `${pathname}?${rest}` : pathname, { scroll: false });
  }, [fromUrl, params, pathname, router]);
  if (!shown || shown.path !== pathname) return null;
  return (
    <div className="notice notice-ok saved-notice" role="status">
      <span>{shown.message}</span>
      <button type="button" className="btn-small" onClick={() => setShown(null)} aria-label="Dismiss the confirmation">
        ×
      </button>
    </div>
  );
}

'use client';

import { useEffect, useState } from 'react';
import { usePathname } from 'next/navigation';

/** On narrow screens the navigation folds behind a Menu button (CSS shows it open on wide ones). */
export function CollapsibleNav({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  // Following a link closes the menu.
  if (open && openedAt !== pathname) setOpen(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="app-navigation"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
      >
        Menu
      </button>
      <div id="app-navigation" className={open ? 'nav-collapsible open' : 'nav-collapsible'}>
        {children}
      </div>
    </>
  );
}

import Link from '@/components/ui/link';
import { Suspense } from 'react';
import { SavedNotice } from '@/components/ui/saved-notice';
import type { Role } from '@/lib/generated/prisma/enums';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { FormAction } from '@/lib/errors';
import { SearchBox } from '@/components/search/search-box';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { CollapsibleNav } from './collapsible-nav';
import { NavLinks } from './nav-links';
import { NotificationBell } from './notification-bell';
import { WorkspaceSwitcher } from './workspace-switcher';

export function AppShell({
  user,
  workspace,
  workspaces,
  canManageMembers,
  unreadNotifications,
  signOut,
  switchWorkspace,
  children,
}: {
  user: { name: string; email: string; role: Role };
  workspace: { id: string; name: string };
  workspaces: { id: string; name: string; role: Role }[];
  canManageMembers: boolean;
  unreadNotifications: number;
  /** The layout's server actions (the app layer owns them; components only render their forms). */
  signOut: () => Promise<void>;
  switchWorkspace: FormAction;
  children: React.ReactNode;
}) {
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar" aria-label="Main navigation">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Stanceboard
          <NotificationBell initialUnread={unreadNotifications} />
        </div>
        <SearchBox />
        <CollapsibleNav>
          <NavLinks canManageMembers={canManageMembers} />
          <div className="sidebar-foot">
            <WorkspaceSwitcher current={workspace} workspaces={workspaces} switchWorkspace={switchWorkspace} />
            <div>
              <div className="sidebar-user">{user.name}</div>
              <div>
                {user.email} · {ROLE_LABELS[user.role]}
              </div>
            </div>
            <div className="row" style={{ gap: 10 }}>
              <Link href="/account" style={{ color: '#c9d3e0' }}>Account</Link>
              <Link href="/settings/tokens" style={{ color: '#c9d3e0' }}>API tokens</Link>
              <Link href="/api-docs" style={{ color: '#c9d3e0' }}>API</Link>
            </div>
            <form action={signOut}>
              <button type="submit" className="btn-small">
                Sign out
              </button>
            </form>
          </div>
        </CollapsibleNav>
      </aside>
      <main className="main" id="main">
        <Suspense fallback={null}>
          <SavedNotice />
        </Suspense>
        {children}
      </main>
      <KeyboardShortcuts />
    </div>
  );
}

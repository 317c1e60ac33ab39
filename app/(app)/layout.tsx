import { requirePageContext } from '@/lib/auth/request';
import { listMyWorkspaces } from '@/lib/workspaces/queries';
import { roleCan } from '@/lib/auth/permissions';
import { unreadCount } from '@/lib/notifications/queries';
import { AppShell } from '@/components/shell/app-shell';
import { PasswordGateShell } from '@/components/account/password-gate-shell';
import { signOutAction, switchWorkspaceAction } from './actions';

// The layout renders navigation only; every page and action checks the caller itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageContext({ allowPendingPasswordChange: true });
  if (ctx.mustChangePassword) {
    // Signed in with a one-time password: no navigation until they choose their own. The redirect to
    // the account page is in requirePageContext, which every page calls (client navigation does not
    // re-render this layout, and a redirect thrown here loops Next's router after the sign-in action);
    // the request guard (lib/auth/guard.ts) refuses every action.
    return <PasswordGateShell user={{ name: ctx.userName, email: ctx.userEmail }} signOut={signOutAction}>{children}</PasswordGateShell>;
  }
  const [workspaces, unread] = await Promise.all([listMyWorkspaces(ctx), unreadCount(ctx)]);
  return (
    <AppShell
      user={{ name: ctx.userName, email: ctx.userEmail, role: ctx.role }}
      workspace={{ id: ctx.workspaceId, name: ctx.workspaceName }}
      workspaces={workspaces}
      canManageMembers={roleCan(ctx.role, 'members:manage')}
      unreadNotifications={unread}
      signOut={signOutAction}
      switchWorkspace={switchWorkspaceAction}
    >
      {children}
    </AppShell>
  );
}

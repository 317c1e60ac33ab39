import { requirePageContext } from '@/lib/auth/request';
import { listMyWorkspaces } from '@/lib/workspaces/queries';
import { roleCan } from '@/lib/auth/permissions';
import { AppShell } from '@/components/shell/app-shell';

// The layout renders navigation only; every page and action checks the caller itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageContext();
  const workspaces = await listMyWorkspaces(ctx);
  return (
    <AppShell
      user={{ name: ctx.userName, email: ctx.userEmail, role: ctx.role }}
      workspace={{ id: ctx.workspaceId, name: ctx.workspaceName }}
      workspaces={workspaces}
      canManageMembers={roleCan(ctx.role, 'members:manage')}
    >
      {children}
    </AppShell>
  );
}

import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { ROLE_LABELS } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Not allowed' };

const NEEDS: Record<string, string> = {
  'records:write': 'record or edit (analysts and admins)',
  'scenarios:write': 'build or edit scenarios (analysts and admins)',
  'members:manage': 'manage members (admins)',
};

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const ctx = await requirePageContext();
  const { need } = await searchParams;
  return (
    <div className="panel empty" role="alert">
      <h2>Your role cannot open that page</h2>
      <p>
        You are a {ROLE_LABELS[ctx.role].toLowerCase()} in {ctx.workspaceName}. {need && NEEDS[need] ? `Only those who can ${NEEDS[need]} can use it.` : ''}
      </p>
      <p>Ask an admin of the workspace if you need a different role.</p>
      <Link className="btn" href="/">Back to the dashboard</Link>
    </div>
  );
}

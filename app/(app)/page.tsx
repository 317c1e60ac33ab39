import type { Metadata } from 'next';
import { requirePageContext } from '@/lib/auth/request';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const ctx = await requirePageContext();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Dashboard</h1>
          <div className="sub">{ctx.workspaceName}</div>
        </div>
      </div>
    </>
  );
}

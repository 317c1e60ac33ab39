import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { lowerRole } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/request';
import { ROLE_LABELS, roleCan } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { Role } from '@/lib/generated/prisma/enums';
import { ROLE_DESCRIPTIONS } from '@/lib/members/schema';
import { listTokens } from '@/lib/tokens/queries';
import { TokenCreateForm } from '@/components/tokens/token-create-form';
import { TokenTable } from '@/components/tokens/token-table';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const ctx = await requirePageContext();
  const tokens = await listTokens(ctx);
  const isAdmin = roleCan(ctx.role, 'members:manage');
  // A token can act with the caller's role or a lower one.
  const roles = Object.values(Role)
    .filter((r) => lowerRole(r, ctx.role) === r)
    .map((value) => ({ value, label: ROLE_LABELS[value], description: ROLE_DESCRIPTIONS[value] }));
  return (
    <>
      <div className="page-head">
        <div>
          <div className="breadcrumbs">Settings</div>
          <h1>API tokens</h1>
          <div className="sub">
            Personal tokens let scripts and other tools use the <Link href="/api-docs">Stanceboard API</Link> as you, in {ctx.workspaceName} only.
          </div>
        </div>
      </div>
      <div className="notice notice-info mb-16 measure-wide">
        A token acts with the role you choose for it, never more than your own role in this workspace: if your role is lowered or your access
        removed, its rights follow at once. Each token may make {env().API_RATE_LIMIT_PER_MINUTE} requests a minute. The token itself is
        shown once, when created; Stanceboard keeps only a fingerprint (SHA-256) and its first characters to tell it apart.
      </div>
      <div className="panel">
        <h2>{isAdmin ? 'Tokens in this workspace' : 'Your tokens'}</h2>
        {isAdmin && <p className="small muted">As an admin you see every member’s tokens and can revoke them.</p>}
        <TokenTable
          tokens={tokens.map((t) => ({
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            role: t.role,
            createdAt: t.createdAt.toISOString(),
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            revokedAt: t.revokedAt?.toISOString() ?? null,
            ownerName: t.ownerName,
            mine: t.mine,
          }))}
          roleLabels={ROLE_LABELS}
          showOwner={isAdmin}
          revoke={revokeTokenAction}
        />
      </div>
      <div className="panel">
        <h2>Create a token</h2>
        <TokenCreateForm action={createTokenAction} roles={roles} defaultRole={ctx.role === 'ADMIN' ? 'ANALYST' : ctx.role} />
      </div>
    </>
  );
}

'use client';

import { useActionState } from 'react';
import type { Role } from '@/lib/generated/prisma/enums';
import type { FormAction, FormState } from '@/lib/errors';

export function WorkspaceSwitcher({
  current,
  workspaces,
  switchWorkspace,
}: {
  current: { id: string; name: string };
  workspaces: { id: string; name: string; role: Role }[];
  switchWorkspace: FormAction;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(switchWorkspace, {});
  if (workspaces.length < 2) return <div title="Current workspace">{current.name}</div>;
  return (
    <form action={action} className="stack" style={{ gap: 4 }}>
      <label htmlFor="workspace-switch" className="small">
        Workspace
      </label>
      <select id="workspace-switch" name="workspaceId" defaultValue={current.id} disabled={pending}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-small" disabled={pending}>
        Switch
      </button>
      {state.message && <div role="alert">{state.message}</div>}
    </form>
  );
}

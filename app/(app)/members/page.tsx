import type { Metadata } from 'next';
import { requirePageContext } from '@/lib/auth/request';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { listMembers } from '@/lib/members/queries';
import { ROLE_DESCRIPTIONS } from '@/lib/members/schema';
import { Role } from '@/lib/generated/prisma/enums';
import { AddMemberForm } from '@/components/members/add-member-form';
import { MemberTable } from '@/components/members/member-table';
import {
  addMemberAction,
  changeMemberRoleAction,
  disableMemberAction,
  enableMemberAction,
  setMemberPasswordAction,
} from './actions';

export const metadata: Metadata = { title: 'Members' };

const ROLES = Object.values(Role).map((value) => ({ value, label: ROLE_LABELS[value], description: ROLE_DESCRIPTIONS[value] }));

export default async function MembersPage() {
  const ctx = await requirePageContext({ permission: 'members:manage' });
  const members = await listMembers(ctx);
  const active = members.filter((m) => !m.disabledAt && !m.accountDisabled).length;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Members</h1>
          <div className="sub">
            Who can use {ctx.workspaceName}: {active} active of {members.length}. A disabled member loses access on their next click.
          </div>
        </div>
      </div>
      <div className="panel">
        <MemberTable
          members={members}
          roles={ROLES}
          roleLabels={ROLE_LABELS}
          minPasswordLength={PASSWORD_MIN_LENGTH}
          actions={{
            changeRole: changeMemberRoleAction,
            disable: disableMemberAction,
            enable: enableMemberAction,
            setPassword: setMemberPasswordAction,
          }}
        />
      </div>
      <div className="panel">
        <h2>Add a member</h2>
        <AddMemberForm action={addMemberAction} roles={ROLES} minPasswordLength={PASSWORD_MIN_LENGTH} />
      </div>
    </>
  );
}

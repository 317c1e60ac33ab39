import type { Role } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/errors';
import { PasswordControl, RoleControl, ToggleControl } from './member-controls';
import styles from './members.module.css';
import { formatDay } from '@/lib/format';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export interface MemberTableRow {
  membershipId: string;
  name: string;
  email: string;
  role: Role;
  disabledAt: Date | null;
  accountDisabled: boolean;
  mustChangePassword: boolean;
  addedAt: Date;
  isSelf: boolean;
  isLastAdmin: boolean;
}

export function MemberTable({
  members,
  roles,
  roleLabels,
  minPasswordLength,
  actions,
}: {
  members: MemberTableRow[];
  roles: { value: Role; label: string }[];
  roleLabels: Record<Role, string>;
  minPasswordLength: number;
  actions: { changeRole: Action; disable: Action; enable: Action; setPassword: Action };
}) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th>Name</th>
          <th>Email</th>
          <th>Role</th>
          <th>Status</th>
          <th>Added</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.membershipId} className={m.disabledAt ? styles.rowDisabled : undefined}>
            <td>
              {m.name}
              {m.isSelf && <span className="muted"> (you)</span>}
            </td>
            <td className="mono">{m.email}</td>
            <td>
              {m.isLastAdmin ? (
                <span title="The only active admin cannot be demoted. Make someone else an admin first.">
                  {roleLabels[m.role]} <span className="small muted">(only admin)</span>
                </span>
              ) : (
                <RoleControl action={actions.changeRole} membershipId={m.membershipId} role={m.role} roles={roles} name={m.name} />
              )}
            </td>
            <td>
              <div className={styles.statusList}>
                {m.disabledAt ? <span className="badge badge-low">Disabled</span> : <span className="badge badge-high">Active</span>}
                {m.accountDisabled && <span className="badge badge-low">Account disabled</span>}
                {m.mustChangePassword && <span className="badge badge-moderate">Must change password</span>}
              </div>
            </td>
            <td className="muted">{formatDay(m.addedAt)}</td>
            <td>
              <div className={styles.actionsCell}>
                {m.disabledAt ? (
                  <ToggleControl action={actions.enable} membershipId={m.membershipId} label="Re-enable" />
                ) : m.isLastAdmin ? null : (
                  <ToggleControl
                    action={actions.disable}
                    membershipId={m.membershipId}
                    label={m.isSelf ? 'Disable my access' : 'Disable'}
                    danger
                    confirmText={
                      m.isSelf
                        ? 'Disable your own access to this workspace? Another admin will have to re-enable you.'
                        : `Disable ${m.name}? They lose access to this workspace on their next click.`
                    }
                  />
                )}
                {!m.isSelf && (
                  <PasswordControl action={actions.setPassword} membershipId={m.membershipId} name={m.name} minPasswordLength={minPasswordLength} />
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { Metadata } from 'next';
import { requirePageContext } from '@/lib/auth/request';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { changeOwnPasswordAction, signOutEverywhereAction } from './actions';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const ctx = await requirePageContext({ allowPendingPasswordChange: true });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{ctx.mustChangePassword ? 'Choose your password' : 'Account'}</h1>
          <div className="sub">
            {ctx.userName} · {ctx.userEmail} · {ROLE_LABELS[ctx.role]} in {ctx.workspaceName}
          </div>
        </div>
      </div>
      {ctx.mustChangePassword && (
        <div className="notice notice-info mb-16 measure" role="status">
          You signed in with a one-time password from an admin. Choose your own password to continue; nothing else in
          Stanceboard is available until you do.
        </div>
      )}
      <div className="panel measure-narrow">
        <h2>Change password</h2>
        <ChangePasswordForm
          action={changeOwnPasswordAction}
          email={ctx.userEmail}
          minPasswordLength={PASSWORD_MIN_LENGTH}
          oneTime={ctx.mustChangePassword}
        />
        <p className="small muted">Changing your password signs out your other sessions and revokes your API tokens.</p>
      </div>
      <div className="panel measure-narrow mt-16">
        <h2>Sign out everywhere</h2>
        <p className="small muted">
          Ends every session of your account, in every browser and on every device, this one included. Use it if you
          signed in on a computer you no longer control. API tokens are not affected; revoke them under Settings → API tokens.
        </p>
        <form action={signOutEverywhereAction}>
          <button type="submit">Sign out everywhere</button>
        </form>
      </div>
    </>
  );
}

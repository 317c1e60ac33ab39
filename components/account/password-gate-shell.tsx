/** The app frame while a user must replace a one-time password: no navigation, only the account page and sign-out. */
export function PasswordGateShell({ user, signOut, children }: { user: { name: string; email: string }; signOut: () => Promise<void>; children: React.ReactNode }) {
  return (
    <div className="shell">
      <aside className="sidebar" aria-label="Account">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Stanceboard
        </div>
        <div className="sidebar-foot">
          <div>
            <div style={{ color: '#fff' }}>{user.name}</div>
            <div>{user.email}</div>
          </div>
          <form action={signOut}>
            <button type="submit" className="btn-small">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}

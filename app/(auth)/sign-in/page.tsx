import type { Metadata } from 'next';
import { redirectIfSignedIn } from '@/lib/auth/request';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await redirectIfSignedIn('/');
  const { next } = await searchParams;
  return (
    <main className="auth-wrap">
      <div className="auth-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Stanceboard
        </div>
        <h1>Sign in</h1>
        <p className="muted">Record and chart where actors stand, and model where bargaining lands.</p>
        <SignInForm next={next ?? '/'} signIn={signInAction} />
      </div>
    </main>
  );
}

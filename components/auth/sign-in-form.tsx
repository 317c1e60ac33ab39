'use client';

import { useKeptFormAction } from '@/components/ui/use-kept-form-action';
import type { FormAction } from '@/lib/errors';
import { Field } from '@/components/ui/field';

export function SignInForm({ next, signIn }: { next: string; signIn: FormAction }) {
  const { state, formAction, onSubmit, pending } = useKeptFormAction(signIn);
  return (
    <form action={formAction} onSubmit={onSubmit} className="form" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.message && (
        <div className="notice notice-error" role="alert" id="sign-in-error">
          {state.message}
        </div>
      )}
      <Field label="Email" name="email" errors={state.fieldErrors?.email}>
        {(props) => <input {...props} type="email" autoComplete="username" defaultValue={state.values?.email ?? ''} required />}
      </Field>
      <Field label="Password" name="password" errors={state.fieldErrors?.password}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required />}
      </Field>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

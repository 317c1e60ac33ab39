'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { FormState } from '@/lib/errors';

/**
 * useActionState for forms that must keep what the user typed when the server refuses it.
 * React resets a <form action> after every submission (selects and radios back to their first
 * render); submitting through onSubmit instead leaves the inputs exactly as they were. The form
 * keeps `action` too, so it still works before hydration.
 */
export function useKeptFormAction(action: (prev: FormState, formData: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState(action, {});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return { state, formAction, onSubmit, pending };
}

'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { deleteRecordFromForm, restoreRecordFromForm } from '@/lib/actions/record-actions';
import { createInterest, updateInterest } from '@/lib/interests/commands';
import type { FormState } from '@/lib/errors';

export async function createInterestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createInterest, ({ id }) => ({ revalidate: ['/interests'], redirectTo: `/interests/${id}`, saved: 'interest' }));
}

export async function updateInterestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateInterest, ({ id }) => ({ revalidate: ['/interests', `/interests/${id}`], redirectTo: `/interests/${id}`, saved: 'interest' }));
}

export async function deleteInterestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return deleteRecordFromForm('interest', formData, '/interests');
}

export async function restoreInterestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return restoreRecordFromForm('interest', formData, '/interests');
}

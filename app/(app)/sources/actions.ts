'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { deleteRecordFromForm, restoreRecordFromForm } from '@/lib/actions/record-actions';
import { createSource, updateSource } from '@/lib/sources/commands';
import type { FormState } from '@/lib/errors';

export async function createSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createSource, ({ id }) => ({ revalidate: ['/sources'], redirectTo: `/sources/${id}`, saved: 'source' }));
}

export async function updateSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateSource, ({ id }) => ({ revalidate: ['/sources', `/sources/${id}`], redirectTo: `/sources/${id}`, saved: 'source' }));
}

export async function deleteSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return deleteRecordFromForm('source', formData, '/sources');
}

export async function restoreSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return restoreRecordFromForm('source', formData, '/sources');
}

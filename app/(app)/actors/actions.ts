'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { createActor, updateActor } from '@/lib/actors/commands';
import { deleteRecordFromForm, restoreRecordFromForm } from '@/lib/actions/record-actions';
import type { FormState } from '@/lib/errors';

export async function createActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createActor, ({ id }) => ({ revalidate: ['/actors'], redirectTo: `/actors/${id}`, saved: 'actor' }));
}

export async function updateActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateActor, ({ id }) => ({ revalidate: ['/actors', `/actors/${id}`], redirectTo: `/actors/${id}`, saved: 'actor' }));
}

export async function deleteActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return deleteRecordFromForm('actor', formData, '/actors');
}

export async function restoreActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return restoreRecordFromForm('actor', formData, '/actors');
}

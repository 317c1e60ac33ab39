'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { createActor, updateActor } from '@/lib/actors/commands';
import { deleteRecord, recordRefSchema, restoreRecord } from '@/lib/records/soft-delete';
import type { FormState } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

export async function createActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createActor, ({ id }) => ({ revalidate: ['/actors'], redirectTo: `/actors/${id}` }));
}

export async function updateActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateActor, ({ id }) => ({ revalidate: ['/actors', `/actors/${id}`], redirectTo: `/actors/${id}` }));
}

export async function deleteActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    (ctx, raw) => deleteRecord(ctx, 'actor', parseInput(recordRefSchema, raw)),
    () => ({ revalidate: ['/actors'], redirectTo: '/actors' }),
  );
}

export async function restoreActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    async (ctx, raw) => {
      const ref = parseInput(recordRefSchema, raw);
      await restoreRecord(ctx, 'actor', ref);
      return ref;
    },
    ({ id }) => ({ revalidate: ['/actors'], redirectTo: `/actors/${id}` }),
  );
}

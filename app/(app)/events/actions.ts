'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { createEvent, deleteEvent } from '@/lib/events/commands';
import type { FormState } from '@/lib/errors';

export async function createEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createEvent, () => ({ revalidate: ['/events', '/issues', '/actors', '/scenarios'], redirectTo: '/events' }));
}

export async function deleteEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, deleteEvent, () => ({ revalidate: ['/events', '/issues', '/actors', '/scenarios'], message: 'Event deleted.' }));
}

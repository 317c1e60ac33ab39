'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { deleteRecordFromForm, restoreRecordFromForm } from '@/lib/actions/record-actions';
import { createIssue, updateIssue } from '@/lib/issues/commands';
import { resolveIssue } from '@/lib/issues/resolution';
import type { FormState } from '@/lib/errors';

export async function createIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createIssue, ({ id }) => ({ revalidate: ['/issues'], redirectTo: `/issues/${id}`, saved: 'issue' }));
}

export async function updateIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateIssue, ({ id }) => ({ revalidate: ['/issues', `/issues/${id}`], redirectTo: `/issues/${id}`, saved: 'issue' }));
}

export async function deleteIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return deleteRecordFromForm('issue', formData, '/issues');
}

export async function restoreIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return restoreRecordFromForm('issue', formData, '/issues');
}

export async function resolveIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, resolveIssue, ({ id }) => ({ revalidate: ['/issues', `/issues/${id}`, '/scenarios/track-record'], redirectTo: `/issues/${id}` }));
}

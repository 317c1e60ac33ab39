'use server';

import { runFormAction } from '@/lib/actions/form-action';
import { deleteRecordFromForm, restoreRecordFromForm } from '@/lib/actions/record-actions';
import { createAssessment, updateAssessment } from '@/lib/assessments/commands';
import type { FormState } from '@/lib/errors';

export async function createAssessmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createAssessment, ({ id }) => ({ revalidate: ['/assessments'], redirectTo: `/assessments/${id}`, saved: 'assessment' }));
}

export async function updateAssessmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateAssessment, ({ id }) => ({ revalidate: ['/assessments', `/assessments/${id}`], redirectTo: `/assessments/${id}`, saved: 'assessment' }));
}

export async function deleteAssessmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return deleteRecordFromForm('assessment', formData, '/assessments');
}

export async function restoreAssessmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return restoreRecordFromForm('assessment', formData, '/assessments');
}

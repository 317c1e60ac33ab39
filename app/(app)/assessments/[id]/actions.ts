'use server';

import { runFormAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/errors';
import { createOpinion, deleteOpinion, updateOpinion } from '@/lib/opinions/commands';

const backToAssessment = (saved: 'opinion' | 'opinionWithdrawn') => ({ assessmentId }: { assessmentId: string }) => ({
  revalidate: [`/assessments/${assessmentId}`],
  redirectTo: `/assessments/${assessmentId}`,
  saved,
});

export async function createOpinionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createOpinion, backToAssessment('opinion'));
}

export async function updateOpinionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateOpinion, backToAssessment('opinion'));
}

export async function deleteOpinionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, deleteOpinion, backToAssessment('opinionWithdrawn'));
}

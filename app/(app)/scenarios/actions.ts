'use server';

import { runFormAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/errors';
import { annulResolution, undoAnnulment } from '@/lib/scenarios/annulment';
import { addEstimate, createScenario, deleteScenario, resolveScenario, restoreScenario, updateScenario } from '@/lib/scenarios/commands';

// Every action: session + workspace from the request, then a lib/scenarios command that checks the
// role itself and validates with the shared schema (lib/scenarios/schema.ts).

export async function createScenarioAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, createScenario, ({ id }) => ({ revalidate: ['/scenarios'], redirectTo: `/scenarios/${id}`, saved: 'scenario' }));
}

export async function updateScenarioAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, updateScenario, ({ id }) => ({ revalidate: ['/scenarios', `/scenarios/${id}`], redirectTo: `/scenarios/${id}`, saved: 'scenario' }));
}

export async function deleteScenarioAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, deleteScenario, () => ({ revalidate: ['/scenarios'], redirectTo: '/scenarios?deleted=only' }));
}

export async function restoreScenarioAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, restoreScenario, ({ id }) => ({ revalidate: ['/scenarios'], redirectTo: `/scenarios/${id}` }));
}

export async function addEstimateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, addEstimate, ({ scenarioId }) => ({
    revalidate: ['/scenarios', `/scenarios/${scenarioId}`],
    message: 'Estimate recorded.',
  }));
}

export async function resolveScenarioAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, resolveScenario, ({ id }) => ({ revalidate: ['/scenarios', `/scenarios/${id}`], redirectTo: `/scenarios/${id}` }));
}

export async function annulResolutionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, annulResolution, ({ id }) => ({ revalidate: ['/scenarios', `/scenarios/${id}`, '/scenarios/track-record', '/scenarios/calibration'], redirectTo: `/scenarios/${id}` }));
}

export async function undoAnnulmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, undoAnnulment, ({ id }) => ({ revalidate: ['/scenarios', `/scenarios/${id}`, '/scenarios/track-record', '/scenarios/calibration'], redirectTo: `/scenarios/${id}` }));
}

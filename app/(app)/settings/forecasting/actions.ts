'use server';

import { runFormAction } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/errors';
import { setForecastingSettings } from '@/lib/workspaces/settings';

export async function setForecastingSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, setForecastingSettings, ({ hideEstimatesUntilOwn }) => ({
    revalidate: ['/settings/forecasting', '/scenarios'],
    message: hideEstimatesUntilOwn
      ? 'Saved: colleagues’ estimates of open scenarios are hidden until an analyst has made their own.'
      : 'Saved: every estimate is visible to everyone.',
  }));
}

import type { Metadata } from 'next';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { getForecastingSettings } from '@/lib/workspaces/settings';
import { ForecastingSettingsForm } from '@/components/scenarios/forecasting-settings-form';
import { setForecastingSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Forecasting settings' };

export default async function ForecastingSettingsPage() {
  const ctx = await requirePageContext();
  const settings = await getForecastingSettings(ctx);
  return (
    <>
      <div className="page-head">
        <div>
          <div className="breadcrumbs">Settings</div>
          <h1>Forecasting</h1>
          <div className="sub">How likelihood estimates of scenarios are shown in {ctx.workspaceName}.</div>
        </div>
      </div>
      <div className="panel">
        {roleCan(ctx.role, 'members:manage') ? (
          <ForecastingSettingsForm action={setForecastingSettingsAction} hideEstimatesUntilOwn={settings.hideEstimatesUntilOwn} />
        ) : (
          <p>
            Colleagues’ estimates of open scenarios are {settings.hideEstimatesUntilOwn ? 'hidden until you have made your own' : 'visible to everyone'}. An admin can
            change this.
          </p>
        )}
      </div>
    </>
  );
}

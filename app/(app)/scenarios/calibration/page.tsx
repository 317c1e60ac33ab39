import '@/app/scenarios.css';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { workspaceCalibration } from '@/lib/scenarios/team-forecasts';
import { CalibrationChart } from '@/components/scenarios/charts';
import { CalibrationBinsTable, CalibrationScoresTable } from '@/components/scenarios/brier-tables';

export const metadata: Metadata = { title: 'Calibration' };

export default async function CalibrationPage() {
  const ctx = await requirePageContext();
  const { scenarios, team, analysts } = await workspaceCalibration(ctx);
  const d = team.decomposition;
  return (
    <>
      <div className="breadcrumbs"><Link href="/scenarios">Scenarios</Link> /</div>
      <div className="page-head">
        <div>
          <h1>Calibration</h1>
          <div className="sub">
            {scenarios} resolved scenario{scenarios === 1 ? '' : 's'}; each analyst&apos;s final estimate before resolution is one forecast. Brier score: 0 perfect,
            0.25 always saying 50%. It splits into reliability (lower is better) − resolution (higher is better) + uncertainty (how hard the questions were).
          </div>
        </div>
      </div>
      {!d ? (
        <div className="panel"><p className="muted">No resolved scenario has estimates yet.</p></div>
      ) : (
        <>
          <div className="panel">
            <h2>Forecast vs what happened</h2>
            <CalibrationChart series={[{ name: 'Team', bins: team.bins }, ...analysts.slice(0, 5).map((a) => ({ name: a.name, bins: a.bins }))]} />
            <CalibrationBinsTable bins={team.bins} />
          </div>
          <div className="panel">
            <h2>Scores</h2>
            <CalibrationScoresTable team={d} analysts={analysts} />
            <p className="small muted">Relative: the analyst&apos;s Brier score minus the team median forecast&apos;s on the same scenarios; below 0 beats the team.</p>
          </div>
        </>
      )}
    </>
  );
}

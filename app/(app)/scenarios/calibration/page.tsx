import '@/app/scenarios.css';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { requirePageContext } from '@/lib/auth/request';
import { workspaceCalibration } from '@/lib/scenarios/team-forecasts';
import { formatProportion } from '@/components/charts/axes';
import { CalibrationChart } from '@/components/scenarios/charts';

export const metadata: Metadata = { title: 'Calibration' };

const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));
const pct = (v: number | null) => (v === null ? '—' : formatProportion(v));

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
            <table className="data" aria-label="Team calibration by bin">
              <thead><tr><th>Forecast bin</th><th className="num">Forecasts</th><th className="num">Mean forecast</th><th className="num">Happened</th></tr></thead>
              <tbody>
                {team.bins.map((b) => (
                  <tr key={b.lo}>
                    <td>{Math.round(b.lo * 100)}–{Math.round(b.hi * 100)}%</td>
                    <td className="num">{b.n}</td>
                    <td className="num">{pct(b.meanForecast)}</td>
                    <td className="num">{pct(b.observedFrequency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="panel">
            <h2>Scores</h2>
            <table className="data" aria-label="Brier scores and their decomposition">
              <thead>
                <tr>
                  <th>Who</th><th className="num">Forecasts</th><th className="num">Brier</th><th className="num">Reliability</th><th className="num">Resolution</th>
                  <th className="num">Uncertainty</th><th className="num">Team median, same scenarios</th><th className="num">Relative</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td><strong>Team</strong></td><td className="num">{d.n}</td><td className="num">{score(d.brier)}</td><td className="num">{score(d.reliability)}</td>
                  <td className="num">{score(d.resolution)}</td><td className="num">{score(d.uncertainty)}</td><td className="num">—</td><td className="num">—</td>
                </tr>
                {analysts.map((a) => (
                  <tr key={a.analystId}>
                    <td>{a.name}</td><td className="num">{a.decomposition.n}</td><td className="num">{score(a.decomposition.brier)}</td>
                    <td className="num">{score(a.decomposition.reliability)}</td><td className="num">{score(a.decomposition.resolution)}</td>
                    <td className="num">{score(a.decomposition.uncertainty)}</td><td className="num">{score(a.teamMedianBrier)}</td>
                    <td className="num">{a.relative > 0 ? '+' : ''}{score(a.relative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="small muted">Relative: the analyst&apos;s Brier score minus the team median forecast&apos;s on the same scenarios; below 0 beats the team.</p>
          </div>
        </>
      )}
    </>
  );
}

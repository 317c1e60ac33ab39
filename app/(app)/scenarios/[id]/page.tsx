import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { requirePageContext } from '@/lib/auth/request';
import { roleCan } from '@/lib/auth/permissions';
import { findOrNull } from '@/lib/records/find-or-null';
import { modelProblem } from '@/lib/scenarios/inputs';
import { LIKELIHOOD_LABELS, OUTCOME_LABELS } from '@/lib/scenarios/likelihood';
import { analystBrierScores, getScenario, scenarioEstimates, scenarioModel } from '@/lib/scenarios/queries';
import { isoDay } from '@/lib/format';
import { modelTrackRecord, scenarioModelScores } from '@/lib/scenarios/track-record-queries';
import { SHIPPED_BACKTESTS } from '@/lib/scenarios/backtest-figures';
import { forecast, sensitivity } from '@/lib/decision-models';
import { HeadlineForecast, ModelScoresTable } from '@/components/scenarios/track-record';
import { Tornado } from '@/components/scenarios/tornado';
import { ScenarioBrierTable } from '@/components/scenarios/brier-tables';
import { num } from '@/components/scenarios/format';
import { scenarioTeamAggregate } from '@/lib/scenarios/team-forecasts';
import { TeamAggregateLine } from '@/components/scenarios/team-aggregate';
import { RecordActionButton } from '@/components/records/record-actions';
import { ForecastPanel } from '@/components/scenarios/forecast-panel';
import { InputsTable } from '@/components/scenarios/inputs-table';
import { LikelihoodSection } from '@/components/scenarios/likelihood-section';
import { timelineEvents } from '@/lib/events/queries';
import { EstimateForm } from '@/components/scenarios/estimate-form';
import { ResolveForm } from '@/components/scenarios/resolve-form';
import { AnnulResolutionForm } from '@/components/scenarios/annul-form';
import { addEstimateAction, annulResolutionAction, deleteScenarioAction, resolveScenarioAction, restoreScenarioAction, undoAnnulmentAction } from '../actions';
import '../../../scenarios.css';

export const metadata: Metadata = { title: 'Scenario' };

export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const scenario = await findOrNull(getScenario(ctx, (await params).id));
  if (!scenario) notFound();
  const [model, estimates, scores, records, modelScores, aggregate] = await Promise.all([
    scenarioModel(ctx, scenario),
    scenarioEstimates(ctx, scenario.id),
    scenario.outcome ? analystBrierScores(ctx, scenario.id) : Promise.resolve([]),
    modelTrackRecord(ctx),
    scenario.outcome ? scenarioModelScores(ctx, scenario.id) : Promise.resolve([]),
    scenarioTeamAggregate(ctx, scenario.id),
  ]);
  const canWrite = roleCan(ctx.role, 'scenarios:write') && !scenario.deletedAt;
  const canEstimate = roleCan(ctx.role, 'estimates:write') && !scenario.deletedAt && !scenario.outcome;
  const canAnnul = roleCan(ctx.role, 'resolutions:annul') && !scenario.deletedAt;
  const annulled = scenario.outcome !== null && scenario.annulledAt !== null;
  const { composed, baselineComposed, warnings } = model;
  const today = new Date().toISOString().slice(0, 10);
  // The headline is cheap and deterministic, so the server computes it and the page leads with it.
  const headline = modelProblem(composed.model) ? null : forecast(composed.model);
  const TORNADO_STEP = 10;
  const tornado = headline ? sensitivity(composed.model, { step: TORNADO_STEP }) : null;

  return (
    <>
      <div className="breadcrumbs"><Link href="/scenarios">Scenarios</Link> /</div>
      <div className="page-head">
        <div>
          <h1>{scenario.name}</h1>
          <div className="sub">
            On <Link href={`/issues/${scenario.issue.id}`}>{scenario.issue.title}</Link> · baseline as of {scenario.asOfDay}
          </div>
          <div className="small muted">
            By {scenario.authorName}, created {isoDay(scenario.createdAt)}, last changed {isoDay(scenario.updatedAt)} · version {scenario.version}
          </div>
        </div>
        <div className="actions">
          <span className={`badge ${scenario.outcome === 'HAPPENED' ? 'badge-high' : scenario.outcome ? 'badge-low' : ''}`}>
            {scenario.outcome ? `Resolved: ${OUTCOME_LABELS[scenario.outcome].toLowerCase()}${annulled ? ' (annulled)' : ''}` : 'Open'}
          </span>
          <Link className="btn" href={`/scenarios/compare?id=${scenario.id}`}>Compare…</Link>
          {roleCan(ctx.role, 'scenarios:write') &&
            (scenario.deletedAt ? (
              <RecordActionButton action={restoreScenarioAction} id={scenario.id} label="Restore" className="btn" />
            ) : (
              <>
                {!scenario.outcome && <Link className="btn" href={`/scenarios/${scenario.id}/edit`}>Edit</Link>}
                <RecordActionButton action={deleteScenarioAction} id={scenario.id} label="Delete" className="btn btn-danger" confirmText={`Delete “${scenario.name}”? It can be restored later.`} />
              </>
            ))}
        </div>
      </div>
      {scenario.deletedAt && <div className="notice notice-warn">This scenario was deleted on {isoDay(scenario.deletedAt)}. Restore it to work on it again.</div>}
      {scenario.issue.deletedAt && <div className="notice notice-warn">Its issue was deleted; the scenario stays readable.</div>}

      {headline && (
        <HeadlineForecast
          forecast={headline}
          anchors={scenario.issue.anchors}
          record={records.find((r) => r.model === headline.modelId)}
          shipped={SHIPPED_BACKTESTS[0]?.report.models.find((m) => m.id === 'forecast')}
        />
      )}
      {tornado && (
        <section className="panel" aria-labelledby="sensitivity-heading">
          <h2 id="sensitivity-heading">What moves the headline forecast</h2>
          <Tornado bars={tornado.bars} step={TORNADO_STEP} />
        </section>
      )}

      <section className="panel" aria-labelledby="assumptions-heading">
        <h2 id="assumptions-heading">Assumptions</h2>
        {scenario.description ? <p className="sc-prose">{scenario.description}</p> : <p className="muted">None written down.</p>}
      </section>

      <section className="panel" aria-labelledby="inputs-heading">
        <h2 id="inputs-heading">Inputs</h2>
        <p className="small muted">
          Baseline values are recomputed from the live records: for each actor, each source’s latest reading with a stance dated up to {scenario.asOfDay},
          weighted by confidence × source reliability. Open an actor’s readings to see how each number was made.
        </p>
        {warnings.map((w) => (
          <div key={w} className="notice notice-warn">{w}</div>
        ))}
        <InputsTable actors={composed.actors} baseline={model.baseline.actors} />
      </section>

      <ForecastPanel
        scenario={{ model: composed.model, uncertain: composed.uncertain }}
        baseline={modelProblem(baselineComposed.model) ? null : { model: baselineComposed.model }}
        anchors={scenario.issue.anchors}
        problem={modelProblem(composed.model)}
      />

      <section className="panel" aria-labelledby="likelihood-heading" id="likelihood">
        <h2 id="likelihood-heading">How likely is it?</h2>
        <TeamAggregateLine aggregate={aggregate} />
        <LikelihoodSection
          events={await timelineEvents(ctx, [scenario.issueId])}
          estimates={estimates.map((e) => ({
            id: e.id,
            analystId: e.analystId,
            analystName: e.analystName,
            day: e.estimatedOnDay,
            likelihood: e.likelihood,
            label: LIKELIHOOD_LABELS[e.likelihood],
            percent: Math.round(e.probability * 10_000) / 100,
            rationale: e.rationale,
          }))}
        />
        {canEstimate && (
          <>
            <h3 className="mt-16">Add your estimate</h3>
            <EstimateForm key={estimates.length} action={addEstimateAction} scenarioId={scenario.id} today={today} />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="resolution-heading">
        <h2 id="resolution-heading">Resolution</h2>
        {scenario.outcome ? (
          <>
            {annulled && (
              <div className="panel sc-annulled" role="note" aria-label="Resolution annulled">
                <p>
                  <strong>Annulled</strong> by {scenario.annulledByName} on {isoDay(scenario.annulledAt!)}: {scenario.annulmentReason}
                </p>
                <p className="small muted">
                  This resolution counts in no Brier score, calibration or track record while it is annulled. The outcome and scores below are kept as they were
                  recorded, so undoing the annulment restores them.
                </p>
                {canAnnul && (
                  <RecordActionButton
                    action={undoAnnulmentAction}
                    id={scenario.id}
                    label="Undo annulment"
                    className="btn"
                    confirmText="Undo the annulment? The resolution will count again in scores, calibration and the track record."
                  />
                )}
              </div>
            )}
            <p>
              <strong>{OUTCOME_LABELS[scenario.outcome]}</strong> — resolved by {scenario.resolvedByName} on {scenario.resolvedAt ? isoDay(scenario.resolvedAt) : '—'}.
              Inputs are frozen and estimates are closed.
              {scenario.outcomePosition !== null && (
                <>
                  {' '}Position reached: <strong data-testid="outcome-position">{num(scenario.outcomePosition)}</strong>.
                </>
              )}
            </p>
            {modelScores.length > 0 ? (
              <ModelScoresTable rows={modelScores} />
            ) : (
              <p className="muted">
                {scenario.outcomePosition === null
                  ? 'No position reached was recorded, so the models’ forecasts are not scored.'
                  : 'No model could run on this scenario’s inputs when it was resolved, so there is nothing to score.'}
              </p>
            )}
            {annulled ? (
              <p className="muted">Analysts’ Brier scores are not counted while the resolution is annulled.</p>
            ) : scores.length ? (
              <ScenarioBrierTable scores={scores} />
            ) : (
              <p className="muted">Nobody estimated this scenario before it resolved, so there is nothing to score.</p>
            )}
            <p className="small muted">Brier score = (probability − outcome)², outcome 1 if it happened, 0 if not; 0 is perfect. Analysts’ scores over all resolved scenarios are on the Scenarios page.</p>
            {canAnnul && !annulled && <AnnulResolutionForm action={annulResolutionAction} scenarioId={scenario.id} />}
          </>
        ) : canWrite ? (
          <ResolveForm action={resolveScenarioAction} scenarioId={scenario.id} />
        ) : (
          <p className="muted">Open: not resolved yet.</p>
        )}
      </section>
    </>
  );
}

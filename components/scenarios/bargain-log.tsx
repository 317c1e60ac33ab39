'use client';

import type { BargainOffer, RoundSnapshot } from '@/lib/decision-models';
import { num } from './format';

const KIND_LABELS: Record<BargainOffer['kind'], string> = {
  confrontation: 'confrontation it expects to lose: move to the proposer’s position',
  compromise: 'compromise: move part of the way',
  capitulation: 'capitulation: move to the proposer’s position',
};

export interface BargainPick {
  actorId: string;
  round: number;
}

/**
 * Why an actor moved in a bargaining round: the offers it received (who challenged it, and what
 * each would have moved it to) and the one it accepted. Pick with the selects, or by clicking a
 * point of an actor's line in the rounds chart.
 */
export function BargainLog({
  rounds,
  actors,
  pick,
  onPick,
}: {
  rounds: RoundSnapshot[];
  actors: { id: string; name: string }[];
  pick: BargainPick;
  onPick: (pick: BargainPick) => void;
}) {
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));
  const bargain = rounds[pick.round]?.bargains?.[pick.actorId];
  const who = nameOf.get(pick.actorId) ?? pick.actorId;
  return (
    <div className="sc-bargain" aria-live="polite">
      <div className="sc-run-controls">
        <div className="field">
          <label htmlFor="bargain-actor">Actor</label>
          <select id="bargain-actor" value={pick.actorId} onChange={(e) => onPick({ ...pick, actorId: e.target.value })}>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bargain-round">Round</label>
          <select id="bargain-round" value={pick.round} onChange={(e) => onPick({ ...pick, round: Number(e.target.value) })}>
            {rounds.slice(1).map((r) => (
              <option key={r.round} value={r.round}>
                {r.round}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!bargain ? (
        <p className="muted">Round {pick.round} has no bargains to show.</p>
      ) : (
        <>
          <p data-testid="bargain-summary">
            Round {pick.round}: {who} {bargain.accepted ? `moved from ${num(bargain.from)} to ${num(bargain.to)}, accepting ${nameOf.get(bargain.accepted.proposerId) ?? bargain.accepted.proposerId}’s ${bargain.accepted.kind} offer.` : `stayed at ${num(bargain.from)}: no actor made it an offer.`}
          </p>
          {bargain.offers.length > 0 && (
            <table className="data" aria-label={`Offers made to ${who} in round ${pick.round}`}>
              <thead>
                <tr>
                  <th>Proposer</th>
                  <th>Offer</th>
                  <th className="num">Would move it to</th>
                  <th>Accepted</th>
                </tr>
              </thead>
              <tbody>
                {bargain.offers.map((o) => (
                  <tr key={o.proposerId}>
                    <td>{nameOf.get(o.proposerId) ?? o.proposerId}</td>
                    <td>{KIND_LABELS[o.kind]}</td>
                    <td className="num">{num(o.target)}</td>
                    <td>{o.proposerId === bargain.accepted?.proposerId ? 'yes' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="small muted">
            An actor accepts a confrontation before a compromise before a capitulation, and within a kind the offer that moves it least (Scholz, Calbert &amp; Smith 2011, section 6).
          </p>
        </>
      )}
    </div>
  );
}

'use client';

import type { Likelihood } from '@/lib/generated/prisma/enums';
import type { TimelineEvent } from '@/lib/events/timeline';
import { LikelihoodChart } from './charts';

export interface EstimateRow {
  id: string;
  analystId: string;
  analystName: string;
  day: string;
  likelihood: Likelihood;
  label: string;
  percent: number;
  rationale: string;
}

/** Estimates over time: a chart (one stepped line per analyst) and the same data as a table. */
export function LikelihoodSection({ estimates, events = [] }: { estimates: EstimateRow[]; events?: TimelineEvent[] }) {
  if (!estimates.length) return <p className="muted">No estimates yet.</p>;
  return (
    <>
      <LikelihoodChart
        points={estimates.map((e) => ({ analystId: e.analystId, analystName: e.analystName, day: e.day, percent: e.percent }))}
        title="Likelihood estimates over time, by analyst, over the ICD 203 bands"
        events={events}
      />
      <table className="data" aria-label="Likelihood estimates">
        <thead>
          <tr>
            <th>Date</th>
            <th>Analyst</th>
            <th>Likelihood</th>
            <th className="num">Probability</th>
            <th>Rationale</th>
          </tr>
        </thead>
        <tbody>
          {estimates.map((e) => (
            <tr key={e.id}>
              <td style={{ whiteSpace: 'nowrap' }}>{e.day}</td>
              <td>{e.analystName}</td>
              <td>{e.label}</td>
              <td className="num">{e.percent}%</td>
              <td className="small">{e.rationale || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

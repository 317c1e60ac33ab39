'use client';

import { ReferenceLine } from 'recharts';
import type { TimelineEvent } from '@/lib/events/timeline';
import { dayMs, truncate } from './format';

/**
 * Events as labelled vertical reference lines: a child of any recharts chart with a time (epoch ms)
 * x axis. Lines outside the axis domain are dropped by recharts, so a chart shows the events in its
 * range. Hidden while the legend's EventToggle is unchecked.
 */
export function EventLines({ events, domain, compact = false }: { events: readonly TimelineEvent[]; domain?: readonly [number, number]; compact?: boolean }) {
  // Labels run right of their line, except in the right third of the chart, where they would be cut off.
  const rightThird = (x: number) => (domain ? x > domain[0] + ((domain[1] - domain[0]) * 2) / 3 : false);
  return events.map((event, i) => (
    <ReferenceLine
      key={event.id}
      className="chart-event"
      x={dayMs(event.date)}
      stroke="var(--chart-event)"
      strokeWidth={1.25}
      strokeDasharray="2 3"
      label={
        compact
          ? undefined
          : {
              value: truncate(event.title, 32),
              position: `${i % 2 === 0 ? 'insideTop' : 'insideBottom'}${rightThird(dayMs(event.date)) ? 'Right' : 'Left'}` as const,
              fontSize: 11,
              fill: 'var(--chart-event)',
              // recharts draws labels in a layer of their own, outside the line's group.
              className: 'chart-event-label',
            }
      }
    />
  ));
}

/**
 * Shows or hides the event lines of the chart it sits in: CSS hides `.chart-event` (and its label) inside a
 * `.has-events` container while this box is unchecked, so no chart has to hold the state.
 */
export function EventToggle({ events: all, domain }: { events: readonly TimelineEvent[]; domain?: readonly [number, number] }) {
  const events = domain ? all.filter((e) => dayMs(e.date) >= domain[0] && dayMs(e.date) <= domain[1]) : all;
  if (events.length === 0) return null;
  return (
    <label className="event-toggle small">
      <input type="checkbox" defaultChecked /> <span className="event-sample" aria-hidden="true" /> Events ({events.length}):{' '}
      {events.map((e) => `${e.title} (${e.date})`).join('; ')}
    </label>
  );
}

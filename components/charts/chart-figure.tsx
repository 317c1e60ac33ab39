'use client';

import './charts.css';
import { useId, type ReactNode } from 'react';
import { ChartExport } from './chart-export';

/** A figure with PNG and SVG downloads above it (for charts outside a ChartFrame, e.g. the scenario page's). */
export function ChartFigure({ title, description, className, children }: { title: string; description?: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure id={id} className={className} aria-label={title}>
      <div className="chart-figure-tools">
        <ChartExport figureId={id} title={title} description={description} />
      </div>
      {children}
    </figure>
  );
}

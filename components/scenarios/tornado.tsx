import { ChartFigure } from '@/components/charts/chart-figure';
import type { SensitivityBar } from '@/lib/decision-models';
import { signed } from './format';
import { OKABE_ITO } from '@/components/charts/palette';

const FIELD_LABELS: Record<SensitivityBar['field'], string> = { position: 'position', salience: 'salience', capability: 'capability' };
const SHOWN = 8;

/** Tornado chart: the inputs that move the headline forecast most, one at a time, ±step points. */
export function Tornado({ bars, step }: { bars: SensitivityBar[]; step: number }) {
  const shown = bars.slice(0, SHOWN);
  const reach = Math.max(1e-9, ...shown.map((b) => Math.max(Math.abs(b.down) || 0, Math.abs(b.up) || 0)));
  const width = (v: number) => `${(Math.min(Math.abs(v) || 0, reach) / reach) * 50}%`;
  return (
    <ChartFigure className="sc-tornado" title="Inputs that move the headline forecast most">
      <table className="data" data-chart-drawing aria-label={`How far the headline forecast moves when one input moves ${step} points down or up`}>
        <thead>
          <tr>
            <th>Input</th>
            <th className="num">−{step} points</th>
            <th aria-hidden="true" className="sc-tornado-bar-col" />
            <th className="num">+{step} points</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((b) => (
            <tr key={`${b.actorId}-${b.field}`} data-input={`${b.name}: ${b.field}`}>
              <td>
                {b.name}: {FIELD_LABELS[b.field]}
              </td>
              <td className="num">{Number.isNaN(b.down) ? '—' : signed(b.down)}</td>
              <td aria-hidden="true" className="sc-tornado-bar-col">
                <div className="sc-tornado-track">
                  {[b.down, b.up].map((v, k) =>
                    Number.isNaN(v) || v === 0 ? null : (
                      <span
                        key={k}
                        className="sc-tornado-bar"
                        style={v < 0 ? { right: '50%', width: width(v), background: OKABE_ITO.vermillion } : { left: '50%', width: width(v), background: OKABE_ITO.blue }}
                      />
                    ),
                  )}
                </div>
              </td>
              <td className="num">{Number.isNaN(b.up) ? '—' : signed(b.up)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="small muted">
        Each row moves one actor’s input by {step} points (within 0-100), everything else held, and shows how far the headline forecast moves. Showing the {shown.length} largest
        of {bars.length}.
      </figcaption>
    </ChartFigure>
  );
}

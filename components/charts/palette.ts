// Series styles readable without colour: the Okabe-Ito palette (Okabe & Ito, "Color Universal Design",
// 2008), which stays distinct for the common forms of colour blindness, and for each series a dash
// pattern and a marker shape of its own as well. Okabe-Ito's yellow (#F0E442) is left out: it is too
// faint on white for thin lines. 7 colours × 6 shapes × 8 dashes: no two of the first 42 series look alike.

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye';

export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  orange: '#E69F00',
  sky: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;
/**
 * The greys every chart draws its frame in (axes, grid, reference lines, bands, marker outlines). Dark
 * mode restyles the recharts parts in globals.css.
 */
export const CHART_INK = {
  /** Tick labels and the legend's key samples. */
  tick: '#4a5566',
  /** Axis titles and labels of reference lines and bands. */
  label: '#6b7687',
  /** Grid lines of the scenario charts. */
  grid: '#e6e9ee',
  /** Grid lines of the stance chart, fainter under its many markers. */
  gridFaint: '#eef1f5',
  axisLine: '#c4ccd7',
  /** The dashed line at each anchor of the issue scale. */
  anchorLine: '#d5dbe3',
  /** The anchor lines through the rows of a dot plot. */
  dotPlotAnchor: '#e3e7ed',
  /** A reference diagonal (calibration). */
  diagonal: '#8a94a6',
  /** Marks that must stand out: dated marks, the ring round the point in focus. */
  strong: '#1b2430',
  /** Alternate background band (likelihood bands). */
  bandAlt: '#f1f4f8',
  background: '#ffffff',
} as const;

/** The series colours in order: every chart (stance, actor, scenario) cycles through the same list. */
const SERIES_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange, OKABE_ITO.sky, OKABE_ITO.black] as const;
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 5', '12 4 2 4 2 4', '1 4', '16 4'] as const;
const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'];

export interface SeriesStyle {
  color: string;
  dash: string;
  shape: MarkerShape;
}

/** Style of the i-th series. Colours (7), shapes (6) and dashes (8) cycle at different lengths, so combinations stay unique for long. */
export function seriesStyle(index: number): SeriesStyle {
  return {
    color: SERIES_COLOURS[index % SERIES_COLOURS.length]!,
    dash: DASHES[index % DASHES.length]!,
    shape: SHAPES[index % SHAPES.length]!,
  };
}

/** The i-th series as recharts line props (stroke and dash). */
export function lineStyle(index: number): { stroke: string; strokeDasharray: string | undefined } {
  const { color, dash } = seriesStyle(index);
  return { stroke: color, strokeDasharray: dash || undefined };
}

/** The forecast line of the scenario charts: black, thick and long-dashed, unlike any actor's line. */
export const FORECAST_STYLE = { stroke: OKABE_ITO.black, strokeDasharray: '8 4', strokeWidth: 3 } as const;

/** An SVG path of `shape` centred on (0, 0) with about `r` radius, for legends and HTML dot plots. */
export function markerPath(shape: MarkerShape, r: number): string {
  const s = r;
  switch (shape) {
    case 'square':
      return `M${-s * 0.85},${-s * 0.85}h${s * 1.7}v${s * 1.7}h${-s * 1.7}z`;
    case 'triangle':
      return `M0,${-s}L${s},${s * 0.8}L${-s},${s * 0.8}z`;
    case 'diamond':
      return `M0,${-s * 1.1}L${s * 0.9},0L0,${s * 1.1}L${-s * 0.9},0z`;
    case 'cross': {
      const t = s * 0.42;
      return `M${-t},${-s}h${2 * t}v${s - t}h${s - t}v${2 * t}h${-(s - t)}v${s - t}h${-2 * t}v${-(s - t)}h${-(s - t)}v${-2 * t}h${s - t}z`;
    }
    case 'star': {
      const points: string[] = [];
      for (let i = 0; i < 10; i++) {
        const radius = i % 2 === 0 ? s * 1.1 : s * 0.45;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        points.push(`${(radius * Math.cos(angle)).toFixed(2)},${(radius * Math.sin(angle)).toFixed(2)}`);
      }
      return `M${points.join('L')}z`;
    }
    case 'wye': {
      const t = s * 0.3;
      return `M${-t},${-s}h${2 * t}v${s * 0.6}l${s * 0.8},${s * 0.5}l${-t},${t * 1.6}l${-s * 0.8},${-s * 0.45}l${-s * 0.8},${s * 0.45}l${-t},${-t * 1.6}l${s * 0.8},${-s * 0.5}z`;
    }
    default:
      return `M${-s},0a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0`;
  }
}

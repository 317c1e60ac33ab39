/**
 * Okabe & Ito (2008) colour-blind-safe palette. Lines use the six colours that read well on white
 * (yellow is too pale for a thin line, black is kept for the forecast), then repeat with a dash
 * pattern, so every series stays distinguishable without colour too.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  purple: '#CC79A7',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

const LINE_COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.vermillion, OKABE_ITO.sky];
const DASHES = [undefined, '7 3', '2 3', '10 3 2 3'];

export function seriesStyle(index: number): { stroke: string; strokeDasharray: string | undefined } {
  return {
    stroke: LINE_COLOURS[index % LINE_COLOURS.length] as string,
    strokeDasharray: DASHES[Math.floor(index / LINE_COLOURS.length) % DASHES.length],
  };
}

export const FORECAST_STYLE = { stroke: OKABE_ITO.black, strokeDasharray: '8 4', strokeWidth: 3 };

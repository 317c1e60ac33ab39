// A chart exported as a file stands on its own: its title, what it shows (filters in words), its legend
// and when it was exported travel with the drawing. This module lays that out as one standalone SVG;
// components/charts/chart-export.tsx collects the parts from the page and turns the SVG into PNG too.

export interface ExportLegendItem {
  label: string;
  color: string;
  dash?: string;
}

export interface ExportedDrawing {
  /** A complete `<svg …>…</svg>` element with every style inlined. */
  markup: string;
  width: number;
  height: number;
}

export interface ChartExportInput {
  title: string;
  /** Sentences under the title: what the chart shows, the filters applied, in words. */
  lines: string[];
  legend: ExportLegendItem[];
  drawings: ExportedDrawing[];
  exportedAt: Date;
  /** Where it came from, e.g. the workspace and the page. */
  origin: string;
  colors?: { background: string; text: string; muted: string };
}

const PAD = 24;
const TITLE_SIZE = 18;
const LINE_SIZE = 12;
const LINE_HEIGHT = 17;
const LEGEND_ROW = 20;
/** Average advance of a 12 px sans-serif character; wrapping is by estimate, without a font to measure. */
const CHAR_WIDTH = 6.6;
const MIN_WIDTH = 480;

export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Words of `text` in lines of at most `maxChars` characters (a longer word gets a line of its own, cut). */
export function wrapText(text: string, maxChars: number): string[] {
  const limit = Math.max(8, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = word.length > limit ? `${word.slice(0, limit - 1)}…` : word;
    if (!line) line = piece;
    else if (line.length + 1 + piece.length <= limit) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** "2 Dec 2026, 08:15 UTC": an export is an instant, said the same way whatever the reader's time zone. */
export function exportTimestamp(at: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${two(at.getUTCHours())}:${two(at.getUTCMinutes())} UTC`;
}

/** "stance-over-time-karabakh-2026-12-02.png": safe on every file system. */
export function exportFileName(title: string, at: Date, extension: 'png' | 'svg'): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `${base || 'chart'}-${at.toISOString().slice(0, 10)}.${extension}`;
}

/** The standalone SVG: title, lines, the drawings one under another, the legend, and the export note. */
export function composeChartSvg(input: ChartExportInput): { svg: string; width: number; height: number } {
  const colors = input.colors ?? { background: '#ffffff', text: '#1b2330', muted: '#5b6472' };
  const drawingWidth = Math.max(0, ...input.drawings.map((d) => d.width));
  const width = Math.ceil(Math.max(MIN_WIDTH, drawingWidth + 2 * PAD));
  const maxChars = (width - 2 * PAD) / CHAR_WIDTH;
  const parts: string[] = [];
  let y = PAD;

  const text = (content: string, x: number, baseline: number, size: number, fill: string, weight = 400) =>
    `<text x="${x}" y="${baseline}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`;

  for (const line of wrapText(input.title, (width - 2 * PAD) / (CHAR_WIDTH * 1.5))) {
    y += TITLE_SIZE + 4;
    parts.push(text(line, PAD, y, TITLE_SIZE, colors.text, 600));
  }
  y += 6;
  for (const sentence of input.lines.filter((l) => l.trim())) {
    for (const line of wrapText(sentence, maxChars)) {
      y += LINE_HEIGHT;
      parts.push(text(line, PAD, y, LINE_SIZE, colors.muted));
    }
  }
  y += 12;
  for (const drawing of input.drawings) {
    parts.push(drawing.markup.replace(/^<svg\b/, `<svg x="${PAD}" y="${y}"`));
    y += drawing.height + 8;
  }
  if (input.legend.length > 0) {
    y += 6;
    let x = PAD;
    let rowBaseline = y + LEGEND_ROW - 6;
    for (const item of input.legend) {
      const itemWidth = 26 + Math.min(item.label.length, 60) * CHAR_WIDTH + 18;
      if (x > PAD && x + itemWidth > width - PAD) {
        x = PAD;
        rowBaseline += LEGEND_ROW;
      }
      const dash = item.dash ? ` stroke-dasharray="${escapeXml(item.dash)}"` : '';
      parts.push(`<line x1="${x}" y1="${rowBaseline - 4}" x2="${x + 20}" y2="${rowBaseline - 4}" stroke="${escapeXml(item.color)}" stroke-width="3"${dash}/>`);
      parts.push(text(item.label.slice(0, 60), x + 26, rowBaseline, LINE_SIZE, colors.text));
      x += itemWidth;
    }
    y = rowBaseline + 6;
  }
  y += LINE_HEIGHT + 4;
  parts.push(text(`Exported ${exportTimestamp(input.exportedAt)} from ${input.origin}`, PAD, y, 11, colors.muted));
  const height = Math.ceil(y + PAD);

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">` +
    `<title>${escapeXml(input.title)}</title>` +
    `<rect width="100%" height="100%" fill="${escapeXml(colors.background)}"/>` +
    parts.join('') +
    `</svg>`;
  return { svg, width, height };
}

'use client';

import { useState } from 'react';
import { downloadBlob } from '@/components/ui/download';
import { composeChartSvg, escapeXml, exportFileName, type ExportLegendItem, type ExportedDrawing } from '@/lib/charts/export-svg';

// Presentation properties copied from the page's computed styles onto the exported copy, so the file
// looks as the chart does on screen without the app's stylesheet (CSS variables resolved).
const INLINED = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
  'opacity', 'font-size', 'font-weight', 'font-family', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
] as const;

/** A copy of `svg` with each element's computed presentation written onto it (only where it differs from its parent's). */
function inlinedCopy(svg: SVGSVGElement): ExportedDrawing {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>(originals.map((o) => [o, getComputedStyle(o)]));
  originals.forEach((original, i) => {
    const target = copies[i] as SVGElement | undefined;
    if (!target) return;
    const own = computed.get(original)!;
    const parent = original === svg ? undefined : computed.get(original.parentElement!);
    const style = INLINED.map((name) => [name, own.getPropertyValue(name)] as const)
      .filter(([name, value]) => (name === 'display' ? value === 'none' : !parent || parent.getPropertyValue(name) !== value))
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
    if (style) target.setAttribute('style', style);
    else target.removeAttribute('style');
    target.removeAttribute('class');
    // Attributes that name the page's CSS variables mean nothing outside it; the computed style above says the same.
    for (const attribute of [...target.attributes]) if (attribute.value.includes('var(')) target.removeAttribute(attribute.name);
  });
  const box = svg.getBoundingClientRect();
  const width = Math.round(Number(svg.getAttribute('width')) || box.width);
  const height = Math.round(Number(svg.getAttribute('height')) || box.height);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

/** The words of an element, with a space between separate pieces of text ("Armenia 2 readings", not "Armenia2 readings"). */
function wordsOf(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const pieces: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) pieces.push(text);
  }
  return pieces.join(' ').replace(/\s+/g, ' ');
}

/** The colour a legend entry draws its sample in. */
function sampleColor(item: Element): string | undefined {
  for (const shape of item.querySelectorAll('svg *')) {
    const style = getComputedStyle(shape);
    for (const paint of [style.stroke, style.fill]) {
      if (paint && paint !== 'none' && !paint.startsWith('rgba(0, 0, 0, 0)')) return paint;
    }
  }
  return undefined;
}

/** Text and boxes of an HTML-drawn chart (dot plot, tornado) as SVG, placed where the page shows them. */
function htmlDrawing(root: HTMLElement): ExportedDrawing {
  const origin = root.getBoundingClientRect();
  const parts: string[] = [];
  const at = (r: DOMRect) => ({ x: Math.round((r.left - origin.left) * 10) / 10, y: Math.round((r.top - origin.top) * 10) / 10 });
  const paint = (value: string) => value && value !== 'none' && !value.startsWith('rgba(0, 0, 0, 0)') && value !== 'transparent';
  const visit = (element: Element) => {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || element.classList.contains('chart-sr-only')) return;
    const box = element.getBoundingClientRect();
    if (element instanceof SVGSVGElement) {
      const drawing = inlinedCopy(element);
      const { x, y } = at(box);
      parts.push(drawing.markup.replace(/^<svg\b/, `<svg x="${x}" y="${y}"`));
      return;
    }
    if (paint(style.backgroundColor) && box.width > 0 && box.height > 0) {
      const { x, y } = at(box);
      parts.push(`<rect x="${x}" y="${y}" width="${box.width.toFixed(1)}" height="${box.height.toFixed(1)}" fill="${style.backgroundColor}" rx="${parseFloat(style.borderTopLeftRadius) || 0}"/>`);
    }
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        // Word by word (and at hyphens, where the browser may break a word), so text wraps in the file as on the page.
        const text = child.textContent ?? '';
        const range = document.createRange();
        for (const match of text.matchAll(/[^\s-]+-?|-/g)) {
          range.setStart(child, match.index);
          range.setEnd(child, match.index + match[0].length);
          const r = range.getBoundingClientRect();
          if (r.width === 0) continue;
          const { x, y } = at(r);
          const size = parseFloat(style.fontSize) || 12;
          parts.push(
            `<text x="${x}" y="${(y + r.height * 0.78).toFixed(1)}" font-size="${size}" font-weight="${style.fontWeight}" fill="${style.color}">${escapeXml(match[0])}</text>`,
          );
        }
      } else if (child instanceof Element) visit(child);
    }
  };
  visit(root);
  const width = Math.round(origin.width);
  const height = Math.round(origin.height);
  return { markup: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`, width, height };
}

function collect(figure: HTMLElement, title: string, description: string | undefined, filters: string | undefined) {
  // The drawing(s): recharts' surfaces big enough to be charts (legend samples are small surfaces too);
  // else the chart drawn in HTML, marked data-chart-drawing.
  const surfaces = [...figure.querySelectorAll<SVGSVGElement>('svg.recharts-surface')].filter((svg) => {
    const box = svg.getBoundingClientRect();
    return box.width >= 120 && box.height >= 80;
  });
  const drawings = surfaces.length > 0 ? surfaces.map(inlinedCopy) : [...figure.querySelectorAll<HTMLElement>('[data-chart-drawing]')].filter((el) => !el.parentElement?.closest('[data-chart-drawing]')).map(htmlDrawing);
  const legend: ExportLegendItem[] = [];
  for (const item of figure.querySelectorAll('.chart-legend-series li, .recharts-legend-item')) {
    const label = wordsOf(item);
    const color = sampleColor(item);
    if (label && color && !legend.some((l) => l.label === label)) legend.push({ label, color });
  }
  const heading = document.querySelector('main h1')?.textContent?.trim();
  const panel = getComputedStyle(figure.closest('.panel') ?? document.body);
  const background = paintOr(panel.backgroundColor, '#ffffff');
  const text = paintOr(getComputedStyle(figure).color, '#1b2330');
  const muted = paintOr(getComputedStyle(figure.querySelector('.chart-frame-desc, figcaption') ?? figure).color, text);
  return {
    title: heading && heading !== title ? `${heading}: ${title}` : title,
    lines: [description ?? '', filters ? `Filters: ${filters}.` : 'Filters: none.'],
    legend,
    drawings,
    colors: { background, text, muted },
  };
}

const paintOr = (value: string, fallback: string) => (value && !value.startsWith('rgba(0, 0, 0, 0)') && value !== 'transparent' ? value : fallback);

async function toPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * "PNG" and "SVG" buttons for the chart in the element `figureId`: the file carries the chart's title,
 * what it shows (`description`, else the figure's own description) and its filters, its legend, and the date of export.
 */
export function ChartExport({ figureId, title, description, filters }: { figureId: string; title: string; description?: string; filters?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (format: 'png' | 'svg') => {
    setProblem(null);
    const figure = document.getElementById(figureId);
    if (!figure) return;
    const describedBy = figure.getAttribute('aria-describedby');
    const said = description ?? (describedBy ? document.getElementById(describedBy)?.textContent?.replace(/\s+/g, ' ').trim() : undefined);
    const parts = collect(figure, title, said, filters);
    if (parts.drawings.length === 0) {
      setProblem('The chart is not drawn yet (or has nothing to draw): scroll to it, wait a moment and try again.');
      return;
    }
    const exportedAt = new Date();
    const origin = `Stanceboard, ${window.location.pathname}${window.location.search}`;
    const { svg, width, height } = composeChartSvg({ ...parts, exportedAt, origin });
    try {
      const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await toPng(svg, width, height);
      downloadBlob(blob, exportFileName(parts.title, exportedAt, format));
    } catch (error) {
      setProblem(`The ${format.toUpperCase()} could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => run('png')} aria-label={`${title}: download as PNG`} title="Download the chart as a PNG image">
        PNG
      </button>
      <button type="button" className="btn btn-small" onClick={() => run('svg')} aria-label={`${title}: download as SVG`} title="Download the chart as an SVG drawing">
        SVG
      </button>
      {problem && (
        <span id={`${figureId}-export-problem`} role="alert" className="small chart-export-problem">
          {problem}
        </span>
      )}
    </>
  );
}

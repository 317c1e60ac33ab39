import { describe, expect, it } from 'vitest';
import { composeChartSvg, escapeXml, exportFileName, exportTimestamp, wrapText } from '@/lib/charts/export-svg';

const drawing = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><path d="M0 0L10 10"/></svg>', width: 600, height: 300 };
const at = new Date('2026-12-02T08:05:00Z');

describe('chart export as a standalone SVG', () => {
  it('carries the title, the description and filters, the legend and the date of export', () => {
    const { svg, width, height } = composeChartSvg({
      title: 'Foreign military presence: Stance over time',
      lines: ['Position of each actor by stance date.', 'Filters: Actors: Russia, Turkey; Weighted mean.'],
      legend: [
        { label: 'Russia', color: '#0072b2' },
        { label: 'Turkey', color: 'rgb(213, 94, 0)', dash: '6 3' },
      ],
      drawings: [drawing],
      exportedAt: at,
      origin: 'Stanceboard, /issues/x',
    });
    expect(width).toBe(648);
    expect(height).toBeGreaterThan(300);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="648" height="\d+"/);
    expect(svg).toContain('<title>Foreign military presence: Stance over time</title>');
    expect(svg).toContain('>Filters: Actors: Russia, Turkey; Weighted mean.</text>');
    expect(svg).toContain('stroke="rgb(213, 94, 0)" stroke-width="3" stroke-dasharray="6 3"');
    expect(svg).toContain('>Turkey</text>');
    expect(svg).toContain('Exported 2 Dec 2026, 08:05 UTC from Stanceboard, /issues/x');
    // The drawing is placed below the title block, inside the padding.
    expect(svg).toMatch(/<svg x="24" y="\d+" xmlns="http:\/\/www.w3.org\/2000\/svg" width="600" height="300"><path d="M0 0L10 10"\/><\/svg>/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('stacks several drawings and is at least wide enough for its text', () => {
    const small = { markup: '<svg width="200" height="100"></svg>', width: 200, height: 100 };
    const one = composeChartSvg({ title: 'T', lines: [], legend: [], drawings: [small], exportedAt: at, origin: 'o' });
    const two = composeChartSvg({ title: 'T', lines: [], legend: [], drawings: [small, small], exportedAt: at, origin: 'o' });
    expect(one.width).toBe(480);
    expect(two.height - one.height).toBe(108);
    expect(two.svg.match(/<svg x="24"/g)).toHaveLength(2);
  });

  it('escapes text so that names with markup characters cannot break (or inject into) the file', () => {
    const { svg } = composeChartSvg({
      title: 'A & B <script>alert(1)</script>',
      lines: ['"quoted" \'single\''],
      legend: [{ label: '<b>x</b>', color: 'red" onload="alert(1)' }],
      drawings: [],
      exportedAt: at,
      origin: 'o',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('" onload="');
    expect(svg).toContain('A &amp; B &lt;script&gt;');
    expect(escapeXml('a\u0001b')).toBe('ab');
  });

  it('wraps long sentences at word boundaries and cuts a word longer than a line', () => {
    expect(wrapText('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
    expect(wrapText('abcdefghijklmnop xy', 8)).toEqual(['abcdefg…', 'xy']);
    expect(wrapText('   ', 20)).toEqual([]);
  });

  it('names files by title and day, without accents or unsafe characters', () => {
    expect(exportFileName('Erdoğan: stance / "over" time', at, 'png')).toBe('erdogan-stance-over-time-2026-12-02.png');
    expect(exportFileName('***', at, 'svg')).toBe('chart-2026-12-02.svg');
    expect(exportTimestamp(new Date('2020-11-09T21:30:59Z'))).toBe('9 Nov 2020, 21:30 UTC');
  });
});

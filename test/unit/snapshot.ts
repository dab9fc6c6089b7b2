// The one snapshot harness for charts (the dashboard's, extension/pages/charts.ts, and the report's,
// analysis/charts): serialise a rendered chart, normalise what may vary between runs (numbers beyond
// two decimals, generated ids and class names), and compare with a file under the test's
// __snapshots__ folder. A changed chart writes <name>-changed.<ext> beside its snapshot to look at.
// A snapshot is written only when asked, with UPDATE_SNAPSHOTS=1: a missing one fails, in CI and
// on your machine alike, so a chart nobody looked at cannot pass.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const UPDATING = process.env.UPDATE_SNAPSHOTS === '1';

/** The marks a chart draws from its rows (not axes, grids, rules at zero or labels): lines, areas, dots, bars. */
export const DATA_MARKS = ['line', 'area', 'dot', 'bar', 'rect', 'cell']
  .map((mark) => `g[aria-label="${mark}"] > *`)
  .join(', ');

/** The chart's own SVG: the element itself, or the one in the figure that holds it and its legend. */
export const plotOf = (chart: Element): Element | null =>
  chart.tagName.toLowerCase() === 'svg'
    ? chart
    : ([...chart.children].find((c) => c.tagName.toLowerCase() === 'svg') ?? null);

export function normaliseChart(markup: string): string {
  const ids = new Map<string, string>();
  const renumber = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
    return ids.get(id)!;
  };
  return markup
    .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${renumber(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${renumber(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${renumber(id)}"`)
    .replace(/-?\d+\.\d{3,}/g, (number) => String(Number(Number(number).toFixed(2))))
    .replace(/></g, '>\n<');
}

/**
 * Compares a chart with `<dir>/__snapshots__/<name>.svg` (or `.html` for a figure around the
 * chart); returns the problem, or null when they match. `update` writes the snapshot instead.
 */
export function compareSnapshot(dir: string, name: string, element: Element, update = UPDATING): string | null {
  const folder = join(dir, '__snapshots__');
  const extension = element.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
  const expectedPath = join(folder, `${name}.${extension}`);
  const changedPath = join(folder, `${name}-changed.${extension}`);
  const actual = `${normaliseChart(element.outerHTML)}\n`;
  if (update) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(expectedPath, actual);
    rmSync(changedPath, { force: true });
    return null;
  }
  if (!existsSync(expectedPath))
    return `${name}: no snapshot at ${expectedPath}; run with UPDATE_SNAPSHOTS=1 to write it, then look at it`;
  if (readFileSync(expectedPath, 'utf8') === actual) {
    rmSync(changedPath, { force: true });
    return null;
  }
  writeFileSync(changedPath, actual);
  return `${name}: differs from ${expectedPath}; see ${changedPath} (UPDATE_SNAPSHOTS=1 accepts it)`;
}

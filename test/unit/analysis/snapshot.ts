// Chart snapshots: serialise a rendered chart, normalise what may vary between runs (numbers
// beyond two decimals, generated ids and class names), and compare with a file under
// __snapshots__. A new chart writes its file; a changed one writes <name>-changed.<ext> beside it.

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const SNAPSHOTS = join(import.meta.dirname, '__snapshots__');

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

/** Compares the chart with its snapshot; resolves to the problem, or null when they match. */
export async function compareSnapshot(name: string, element: Element): Promise<string | null> {
  mkdirSync(SNAPSHOTS, { recursive: true });
  const extension = element.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
  const expectedPath = join(SNAPSHOTS, `${name}.${extension}`);
  const changedPath = join(SNAPSHOTS, `${name}-changed.${extension}`);
  const actual = `${normaliseChart(element.outerHTML)}\n`;
  if (!existsSync(expectedPath) || process.env.UPDATE_SNAPSHOTS) {
    writeFileSync(expectedPath, actual);
    rmSync(changedPath, { force: true });
    return null;
  }
  const expected = await readFile(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return null;
  }
  writeFileSync(changedPath, actual);
  return `${name}: differs from ${expectedPath}; see ${changedPath}`;
}

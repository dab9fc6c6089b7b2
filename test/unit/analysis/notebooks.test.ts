// The notebooks open on the bundled cohort through the library: the browser loader reads the same
// events as the Node loader, and every module a notebook imports exists.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsFromParquet, rosterFromParquet } from '../../../analysis/load/browser.ts';
import { loadLedger } from '../../../analysis/load/ledger-table.ts';
import { summarizeEvents } from '../../../analysis/transforms/summarize.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';

const NOTEBOOKS = join(REPO_ROOT, 'analysis', 'notebooks');
const cohort = join(NOTEBOOKS, 'data', 'cohort.parquet');

describe('notebooks', () => {
  it('read the bundled cohort in the browser loader as the Node loader does', async () => {
    const bytes = readFileSync(cohort);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const inBrowser = await eventsFromParquet(buffer);
    const { events: inNode, roster } = await loadLedger([cohort]);
    expect(inBrowser.numRows()).toBe(10_303);
    expect(rosterFromParquet(buffer)).toEqual(roster);
    const summary = summarizeEvents(inBrowser, rosterFromParquet(buffer));
    expect(summary).toEqual(summarizeEvents(inNode, roster));
    // `carbon-ledger simulate --participants 80 --days 42 --seed 2026`, converted: every participant, three arms.
    expect(summary.participants).toBe(80);
    expect(summary.arms).toEqual(['control', 'labels', 'labels-alternatives']);
  });

  it('import only library modules that exist, and files that are bundled', () => {
    const notebooks = readdirSync(NOTEBOOKS).filter((name) => name.endsWith('.html'));
    expect(notebooks.length).toBeGreaterThan(0);
    for (const name of notebooks) {
      const html = readFileSync(join(NOTEBOOKS, name), 'utf8');
      const local = [...html.matchAll(/from "(\.[^"]+)"/g)].map((m) => m[1]!);
      expect(local.length).toBeGreaterThan(0);
      for (const specifier of local) expect(() => readFileSync(resolve(NOTEBOOKS, specifier))).not.toThrow();
      for (const [, file] of html.matchAll(/FileAttachment\("([^"]+)"\)/g)) {
        expect(() => readFileSync(resolve(dirname(join(NOTEBOOKS, name)), file!))).not.toThrow();
      }
    }
  });
});

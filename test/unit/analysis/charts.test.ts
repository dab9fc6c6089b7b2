// Every chart rendered from the seeded cohort in a pinned time zone, compared with its snapshot.

process.env.TZ = 'America/Los_Angeles';

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { from } from 'arquero';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  armComparisonPlot,
  cumulativeAvoidedPlot,
  greenerRateByCategoryPlot,
  participationPlot,
  retentionPlot,
  weeklyFootprintPlot,
} from '../../../analysis/charts/index.ts';
import { summarizeEvents } from '../../../analysis/engines/arquero.ts';
import type { LedgerSummary } from '../../../analysis/engines/summary.ts';
import { flattenEvent } from '../../../analysis/load/flat.ts';
import { LedgerTableBuilder } from '../../../analysis/load/ledger-table.ts';
import { armDifferences } from '../../../analysis/transforms/bootstrap.ts';
import { cohortEvents } from './cohort.ts';
import { compareSnapshot, normaliseChart } from './snapshot.ts';

let summary: LedgerSummary;
const { document } = new JSDOM('').window;

beforeAll(() => {
  const builder = new LedgerTableBuilder();
  for (const event of cohortEvents({ participants: 12, weeks: 10 })) builder.add(flattenEvent(event));
  summary = summarizeEvents(builder.build());
});

const charts: Record<string, () => Element> = {
  'weekly-footprint': () => weeklyFootprintPlot(from(summary.weekly), { document }),
  'cumulative-avoided': () => cumulativeAvoidedPlot(from(summary.weekly), { document }),
  'greener-rate-by-category': () =>
    greenerRateByCategoryPlot(from(summary.byCategory.map((r) => ({ ...r, category: r.key }))), { document }),
  'arm-comparison': () =>
    armComparisonPlot(from(armDifferences(summary.participantRows, { metric: 'greenerRate', seed: 1 })), {
      document,
    }),
  participation: () => participationPlot(from(summary.weekly), { document }),
  retention: () => retentionPlot(from(summary.retention), { document }),
};

describe('chart snapshots', () => {
  for (const [name, render] of Object.entries(charts)) {
    it(name, async () => {
      const chart = render();
      expect(chart.querySelector('svg') ?? chart).toBeTruthy();
      expect(await compareSnapshot(name, chart)).toBeNull();
    });
  }

  it('draws one line per arm and a rolling mean over the raw weekly line', () => {
    const chart = weeklyFootprintPlot(from(summary.weekly), { document });
    // two arms × (raw + rolling)
    expect(chart.querySelectorAll('g[aria-label="line"] path')).toHaveLength(4);
  });

  it('reports a changed chart and writes <name>-changed beside its snapshot', async () => {
    const name = 'snapshot-self-test';
    const svg = (d: string) => new JSDOM(`<svg><path d="${d}"></path></svg>`).window.document.querySelector('svg')!;
    const dir = join(import.meta.dirname, '__snapshots__');
    try {
      expect(await compareSnapshot(name, svg('M0,0L10,10'))).toBeNull();
      expect(await compareSnapshot(name, svg('M0,0L10,12'))).toMatch(/differs/);
      expect(readFileSync(join(dir, `${name}-changed.svg`), 'utf8')).toContain('L10,12');
    } finally {
      rmSync(join(dir, `${name}.svg`), { force: true });
      rmSync(join(dir, `${name}-changed.svg`), { force: true });
    }
  });

  it('draws every chart from empty tables (a study with no events yet) without a canvas', () => {
    const empty = from([]);
    for (const chart of [weeklyFootprintPlot, cumulativeAvoidedPlot, participationPlot, retentionPlot]) {
      expect(chart(empty, { document }).querySelector('svg') ?? chart(empty, { document })).toBeTruthy();
    }
    expect(greenerRateByCategoryPlot(empty, { document }).tagName).toBe('svg');
    expect(armComparisonPlot(empty, { document }).tagName).toBe('svg');
  });

  it('normalisation keeps a real change visible', () => {
    const a = normaliseChart('<svg><path d="M1.23456,2"></path></svg>');
    expect(a).toBe(normaliseChart('<svg><path d="M1.23499,2"></path></svg>'));
    expect(a).not.toBe(normaliseChart('<svg><path d="M1.25,2"></path></svg>'));
  });
});

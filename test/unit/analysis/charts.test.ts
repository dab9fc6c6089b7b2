// Every chart rendered from the seeded cohort in a pinned time zone, compared with its snapshot.

process.env.TZ = 'America/Los_Angeles';

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { type ReportData, reportData } from '../../../analysis/report/tables.ts';
import { armDifferences } from '../../../analysis/transforms/bootstrap.ts';
import { compareSnapshot, DATA_MARKS, normaliseChart, plotOf } from '../snapshot.ts';
import { cohortEvents } from './cohort.ts';

let summary: LedgerSummary;
let data: ReportData;
const { document } = new JSDOM('').window;

beforeAll(() => {
  const builder = new LedgerTableBuilder();
  // The study observed from Wednesday 7 January to Wednesday 11 March: its first and last weeks are partial.
  for (const event of cohortEvents({ participants: 12, weeks: 10 })) {
    const day = event.at.slice(0, 10);
    if (day >= '2026-01-07' && day <= '2026-03-11') builder.add(flattenEvent(event));
  }
  const roster = Array.from({ length: 12 }, (_, p) => ({
    participant: `p${String(p).padStart(3, '0')}`,
    arm: p % 2 === 0 ? 'control' : 'overlay',
    firstDay: '2026-01-07',
    lastDay: '2026-03-11',
  }));
  summary = summarizeEvents(builder.build(), roster);
  data = reportData({ summary, inputs: [], duplicates: 0 }, 1);
});

const charts: Record<string, () => Element> = {
  // The report's weekly rows: with their bootstrap band and two partial weeks.
  'weekly-footprint': () => weeklyFootprintPlot(from(data.weekly), { document }),
  'cumulative-avoided': () => cumulativeAvoidedPlot(from(summary.weekly), { document }),
  'greener-rate-by-category': () =>
    greenerRateByCategoryPlot(
      from(summary.byCategory.map((r) => ({ ...r, category: r.key, ...data.intervals.byCategory.get(r.key) }))),
      { document },
    ),
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
      // A chart of the seeded cohort draws something from its rows before its markup is compared.
      expect(plotOf(chart), name).not.toBeNull();
      expect(plotOf(chart)!.querySelectorAll(DATA_MARKS).length, name).toBeGreaterThan(0);
      expect(compareSnapshot(import.meta.dirname, name, chart)).toBeNull();
    });
  }

  it('draws one line per arm and a rolling mean over the raw weekly line, partial weeks dashed and labelled', () => {
    const chart = weeklyFootprintPlot(from(data.weekly), { document });
    const lines = [...chart.querySelectorAll('g[aria-label="line"]')];
    const solid = lines.filter((g) => !g.getAttribute('stroke-dasharray'));
    const dashed = lines.filter((g) => g.getAttribute('stroke-dasharray'));
    // two arms × (raw + rolling), and per arm two dashed segments: into the first and last week.
    expect(solid.flatMap((g) => [...g.querySelectorAll('path')])).toHaveLength(4);
    expect(dashed.flatMap((g) => [...g.querySelectorAll('path')])).toHaveLength(4);
    // One label per partial week, whatever the number of arms.
    expect([...chart.querySelectorAll('text')].filter((t) => t.textContent === 'partial week')).toHaveLength(2);
    expect(data.weekly.filter((w) => w.partial).map((w) => w.week)).toEqual([
      '2026-01-05',
      '2026-03-09',
      '2026-01-05',
      '2026-03-09',
    ]);
    // The band: one area per arm, from the bootstrap intervals.
    expect(chart.querySelectorAll('g[aria-label="area"] path')).toHaveLength(2);
    expect(data.weekly.every((w) => w.low === null || (w.low <= w.footprintKg && w.footprintKg <= w.high!))).toBe(true);
  });

  it('fails on a missing snapshot unless asked to write it, and on a changed chart, writing <name>-changed beside it', () => {
    const name = 'snapshot-self-test';
    const svg = (d: string) => new JSDOM(`<svg><path d="${d}"></path></svg>`).window.document.querySelector('svg')!;
    const dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
    try {
      expect(compareSnapshot(dir, name, svg('M0,0L10,10'), false)).toMatch(/no snapshot .*UPDATE_SNAPSHOTS=1/);
      expect(existsSync(join(dir, '__snapshots__', `${name}.svg`))).toBe(false);
      expect(compareSnapshot(dir, name, svg('M0,0L10,10'), true)).toBeNull();
      expect(compareSnapshot(dir, name, svg('M0,0L10,10'), false)).toBeNull();
      expect(compareSnapshot(dir, name, svg('M0,0L10,12'), false)).toMatch(/differs/);
      expect(readFileSync(join(dir, '__snapshots__', `${name}-changed.svg`), 'utf8')).toContain('L10,12');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws every chart from empty tables (a study with no events yet) without a canvas', () => {
    const empty = from([]);
    const drawn = [
      weeklyFootprintPlot,
      cumulativeAvoidedPlot,
      participationPlot,
      retentionPlot,
      greenerRateByCategoryPlot,
      armComparisonPlot,
    ].map((chart) => chart(empty, { document }));
    // Each is a chart with its axes and nothing drawn from rows it does not have.
    for (const chart of drawn) {
      expect(plotOf(chart), chart.outerHTML.slice(0, 80)).not.toBeNull();
      expect(plotOf(chart)!.querySelectorAll('g[aria-label$="axis label"]').length).toBeGreaterThan(0);
      expect(plotOf(chart)!.querySelectorAll(DATA_MARKS)).toHaveLength(0);
    }
    expect(drawn.slice(4).map((chart) => chart.tagName)).toEqual(['svg', 'svg']);
  });

  it('normalisation keeps a real change visible', () => {
    const a = normaliseChart('<svg><path d="M1.23456,2"></path></svg>');
    expect(a).toBe(normaliseChart('<svg><path d="M1.23499,2"></path></svg>'));
    expect(a).not.toBe(normaliseChart('<svg><path d="M1.25,2"></path></svg>'));
  });
});

// Reports of the smallest cohorts a study can produce (one arm, one participant, no choices, one
// day, a participant enrolled without events), through both engines: no NaN, Infinity or undefined
// anywhere in the HTML, its charts or the tables it writes; no chart with a single tick; "not
// enough data" wherever a figure cannot be computed; and both engines agree.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { arqueroEngine } from '../../../analysis/engines/arquero.ts';
import { duckdbEngine } from '../../../analysis/engines/duckdb.ts';
import type { EngineResult } from '../../../analysis/engines/summary.ts';
import { NOT_ENOUGH_DATA } from '../../../analysis/report/format.ts';
import { renderReport } from '../../../analysis/report/html.ts';
import { reportData, writeReportTables } from '../../../analysis/report/write-tables.ts';
import { type LedgerEvent, newEvent, type ProductSummary } from '../../../shared/events.ts';
import { researchExport } from '../../../shared/export/research.ts';

const product = (n: number, category: string | null = 'kettles'): ProductSummary => ({
  title: `Kettle ${n}`,
  url: `https://www.amazon.de/dp/B00000000${n}`,
  price: { amount: 30 + n, currency: 'EUR' },
  brand: null,
  category,
  kgCO2e: 10 + n,
  low: 5,
  high: 40,
  method: 'spend-based',
});

let counter = 0;
/** An event of a participant at a local time in Berlin, with a fixed id. */
function event(
  participant: string,
  arm: string,
  at: string,
  type: 'product-viewed' | 'purchase-marked' | 'choice-made' | 'action-logged',
  choice: 'greener' | 'kept' = 'kept',
): LedgerEvent {
  const study = { studyId: 'edge', arm, participantId: participant };
  const n = ++counter;
  const built =
    type === 'action-logged'
      ? newEvent(
          type,
          { actionId: 'decline-single-use', avoidedGramsCO2e: 52.7, photoId: null },
          { shopHost: null, study },
        )
      : type === 'choice-made'
        ? newEvent(
            type,
            { product: product(n % 5), choice, alternative: null, avoidedKgCO2e: choice === 'greener' ? 2.5 : 0 },
            { shopHost: 'www.amazon.de', study },
          )
        : newEvent(type, { product: product(n % 5) }, { shopHost: 'www.amazon.de', study });
  return {
    ...built,
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    at: `${at}.000+01:00`,
    timeZone: 'Europe/Berlin',
  };
}

/** A participant's bundle: the export header names them, when they enrolled and when the study ends. */
function bundle(
  dir: string,
  participant: string,
  arm: string,
  enrolledAt: string,
  events: LedgerEvent[],
  end = '2026-11-29',
): string {
  const path = join(dir, `${participant}.json`);
  const file = researchExport(events, { exportedAt: '2026-12-31T12:00:00.000Z' });
  const study = {
    id: 'edge',
    title: 'Edge cases',
    participantId: participant,
    arm,
    enrolledAt,
    leftAt: null,
    start: '2026-11-02',
    end,
  };
  writeFileSync(path, JSON.stringify({ ...file, study }));
  return path;
}

/** Days of November 2026 a participant shops on, with a view, a choice and a purchase each. */
const shopping = (participant: string, arm: string, days: number[], choices = true): LedgerEvent[] =>
  days.flatMap((day) => {
    const d = `2026-11-${String(day).padStart(2, '0')}`;
    return [
      event(participant, arm, `${d}T10:00:00`, 'product-viewed'),
      ...(choices ? [event(participant, arm, `${d}T10:05:00`, 'choice-made', day % 3 === 0 ? 'greener' : 'kept')] : []),
      event(participant, arm, `${d}T10:10:00`, 'purchase-marked'),
      event(participant, arm, `${d}T20:00:00`, 'action-logged'),
    ];
  });

const COHORTS: Record<string, { make: (dir: string) => string[]; missing: RegExp[] }> = {
  'one arm': {
    make: (dir) =>
      ['a', 'b', 'c'].map((p, i) =>
        bundle(dir, p, 'control', '2026-11-02T08:00:00Z', shopping(p, 'control', [2 + i, 9, 16, 23])),
      ),
    missing: [/Differences between arms[\s\S]*not enough data: one arm only/],
  },
  'one participant': {
    make: (dir) => [
      bundle(dir, 'solo', 'control', '2026-11-02T08:00:00Z', shopping('solo', 'control', [2, 5, 9, 12, 16, 24])),
    ],
    missing: [/not enough data: one arm only/],
  },
  'no choices': {
    make: (dir) => [
      bundle(dir, 'a', 'control', '2026-11-02T08:00:00Z', shopping('a', 'control', [3, 10, 17], false)),
      bundle(dir, 'b', 'overlay', '2026-11-02T08:00:00Z', shopping('b', 'overlay', [4, 11, 18], false)),
      bundle(dir, 'c', 'overlay', '2026-11-02T08:00:00Z', shopping('c', 'overlay', [5, 12], false)),
    ],
    missing: [
      /Greener-choice rate \(95 % interval\)<\/td><td class="n">not enough data \(no choices\)/,
      /Greener-choice rate by category<\/h3><p class="missing">not enough data/,
      /greener-choice rate<\/td><td>overlay − control<\/td><td class="n">not enough data/,
    ],
  },
  'one day': {
    make: (dir) => [
      bundle(dir, 'a', 'control', '2026-11-11T08:00:00Z', shopping('a', 'control', [11]), '2026-11-11'),
      bundle(dir, 'b', 'overlay', '2026-11-11T08:00:00Z', shopping('b', 'overlay', [11]), '2026-11-11'),
    ],
    missing: [
      /Footprint per week<\/h3><p class="missing">not enough data: the data cover one week/,
      /Arm comparison: kg CO2e avoided per participant<\/h3><p class="missing">not enough data/,
      /Retention<\/h3><p class="missing">not enough data/,
    ],
  },
  'a participant enrolled without events': {
    make: (dir) => [
      bundle(dir, 'a', 'control', '2026-11-02T08:00:00Z', shopping('a', 'control', [2, 9, 16, 23])),
      bundle(dir, 'b', 'overlay', '2026-11-02T08:00:00Z', shopping('b', 'overlay', [3, 10, 17])),
      bundle(dir, 'ghost', 'overlay', '2026-11-03T08:00:00Z', []),
    ],
    missing: [/Participants<\/td><td class="n">3 \(1 enrolled without any event\)/],
  },
};

const BAD = /NaN|Infinity|undefined/;

/** Tick labels of every axis of every chart: a chart whose value axis has one tick drew nothing. */
function axes(html: string): { axis: string; labels: string[] }[] {
  const { document } = new JSDOM(html).window;
  return [...document.querySelectorAll('svg g[aria-label$="-axis tick label"]')].map((group) => ({
    axis: group.getAttribute('aria-label')!,
    labels: [...group.querySelectorAll('text')].map((text) => text.textContent ?? ''),
  }));
}

/** Summaries compared at 9 significant digits: the engines sum in different orders. */
const rounded = (result: EngineResult) =>
  JSON.parse(JSON.stringify(result.summary, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)));

describe('reports of edge cohorts, both engines', { timeout: 60_000 }, () => {
  for (const [name, cohort] of Object.entries(COHORTS)) {
    it(name, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-edge-'));
      const paths = cohort.make(dir);
      const results = { arquero: await arqueroEngine.summarize(paths), duckdb: await duckdbEngine.summarize(paths) };
      expect(rounded(results.duckdb)).toEqual(rounded(results.arquero));
      for (const [engine, result] of Object.entries(results)) {
        const data = reportData(result, 1);
        const html = renderReport(result, { engine, generatedAt: new Date(0), seed: 1, data });
        const tables = join(dir, `tables-${engine}`);
        writeReportTables(tables, data, { seed: 1, engine });
        expect(html).not.toMatch(BAD);
        for (const file of readdirSync(tables)) expect(readFileSync(join(tables, file), 'utf8')).not.toMatch(BAD);
        JSON.parse(readFileSync(join(tables, 'report.json'), 'utf8'));
        for (const { axis, labels } of axes(html)) {
          // Every axis has at least two distinct ticks, and none with false precision ("0.000000").
          if (axis.startsWith('x'))
            expect(new Set(labels).size, `${name}: ${axis} ${labels}`).toBeGreaterThanOrEqual(2);
          for (const label of labels) expect(label).not.toMatch(/\d\.\d{4,}/);
        }
        for (const pattern of cohort.missing) expect(html).toMatch(pattern);
        expect(html).toContain(NOT_ENOUGH_DATA);
        expect(result.summary.participants).toBe(paths.length);
      }
    });
  }

  it('counts a participant enrolled without events, and reads each figure the same from its tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-edge-'));
    const result = await arqueroEngine.summarize(COHORTS['a participant enrolled without events']!.make(dir));
    const ghost = result.summary.participantRows.find((row) => row.participant === 'ghost')!;
    expect(ghost).toMatchObject({ arm: 'overlay', events: 0, firstDay: '2026-11-03', lastDay: '2026-11-29' });
    expect(result.summary.byArm.find((row) => row.arm === 'overlay')!.participants).toBe(2);
    // Week 0 of the ghost was observed and had no event: retention counts them as gone, not missing.
    const overlayWeek0 = result.summary.retention.find((r) => r.arm === 'overlay' && r.weekSinceStart === 0)!;
    expect(overlayWeek0).toMatchObject({ observed: 2, participants: 1, share: 0.5 });
  });
});

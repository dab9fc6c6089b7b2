// The report's figures as tables of plain numbers, for the HTML and for `report --tables DIR`
// (CSV and JSON a researcher can publish or analyse further): every figure with its interval, null
// where the data cannot give one, never NaN.

import type { EngineResult, WeekByArm } from '../engines/summary.ts';
import { ARM_METRICS, type ArmDifference, type ArmMetric, armDifferences } from '../transforms/bootstrap.ts';
import { type SummaryIntervals, summaryIntervals } from '../transforms/intervals.ts';

/** Resamples behind each arm difference. */
export const ARM_DIFFERENCE_RESAMPLES = 2000;

export interface ReportTable {
  /** File name without extension. */
  name: string;
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

export interface ReportData {
  differences: ArmDifference[];
  intervals: SummaryIntervals;
  /** The weekly rows with the interval of the mean kg bought per active participant. */
  weekly: (WeekByArm & { low: number | null; high: number | null })[];
  tables: ReportTable[];
}

/** Every arm difference the report shows, with its bootstrap interval. */
export function reportDifferences(result: EngineResult, seed = 1): ArmDifference[] {
  const metrics: ArmMetric[] = ['avoidedKgPerParticipant', 'greenerRate', 'footprintKgPerParticipant'];
  return metrics.flatMap((metric) =>
    armDifferences(result.summary.participantRows, { metric, seed, resamples: ARM_DIFFERENCE_RESAMPLES }),
  );
}

/** A number as a table holds it: finite, or null. */
const value = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function reportData(result: EngineResult, seed = 1): ReportData {
  const { summary } = result;
  const differences = reportDifferences(result, seed);
  const intervals = summaryIntervals(summary, { seed });
  const weekly = summary.weekly.map((row) => {
    const interval = intervals.weeklyFootprintKg.get(`${row.arm}\u0000${row.week}`);
    return { ...row, low: interval?.low ?? null, high: interval?.high ?? null };
  });
  const rates = (rows: typeof summary.byCategory, found: SummaryIntervals['byCategory'], key: string): ReportTable => ({
    name: key === 'category' ? 'rates-by-category' : 'rates-by-shop',
    columns: [key, 'choices', 'greener', 'rate', 'rateLow', 'rateHigh', 'avoidedKg'],
    rows: rows.map((row) => {
      const interval = found.get(row.key);
      return [
        row.key,
        row.choices,
        row.greener,
        value(row.rate),
        value(interval?.low),
        value(interval?.high),
        value(row.avoidedKg),
      ];
    }),
  });
  const tables: ReportTable[] = [
    {
      name: 'summary',
      columns: ['measure', 'value', 'low', 'high'],
      rows: [
        ['events', summary.events, null, null],
        ['participants', summary.participants, null, null],
        ['participantsWithoutEvents', summary.participantsWithoutEvents, null, null],
        [
          'footprintKg',
          value(summary.totals.footprintKg),
          value(intervals.totals.footprintKg?.low),
          value(intervals.totals.footprintKg?.high),
        ],
        [
          'avoidedKg',
          value(summary.totals.avoidedKg),
          value(intervals.totals.avoidedKg?.low),
          value(intervals.totals.avoidedKg?.high),
        ],
        ['choices', summary.totals.choices, null, null],
        [
          'greenerRate',
          value(summary.totals.greenerRate),
          value(intervals.totals.greenerRate?.low),
          value(intervals.totals.greenerRate?.high),
        ],
      ],
    },
    {
      name: 'by-arm',
      columns: [
        'arm',
        'participants',
        'footprintKgPerParticipant',
        'footprintLow',
        'footprintHigh',
        'avoidedKgPerParticipant',
        'avoidedLow',
        'avoidedHigh',
        'choices',
        'greener',
        'rate',
        'rateLow',
        'rateHigh',
      ],
      rows: summary.byArm.map((row) => {
        const arm = intervals.byArm.get(row.arm);
        return [
          row.arm,
          row.participants,
          value(row.footprintKgPerParticipant),
          value(arm?.footprintKg?.low),
          value(arm?.footprintKg?.high),
          value(row.avoidedKgPerParticipant),
          value(arm?.avoidedKg?.low),
          value(arm?.avoidedKg?.high),
          row.choices,
          row.greener,
          value(row.rate),
          value(arm?.rate?.low),
          value(arm?.rate?.high),
        ];
      }),
    },
    {
      name: 'arm-differences',
      columns: ['measure', 'arm', 'reference', 'difference', 'low', 'high', 'participants'],
      rows: differences.map((d) => [
        ARM_METRICS[d.metric],
        d.arm,
        d.reference,
        value(d.difference),
        value(d.low),
        value(d.high),
        d.participants,
      ]),
    },
    {
      name: 'weekly',
      columns: ['arm', 'week', 'partial', 'participants', 'footprintKg', 'footprintLow', 'footprintHigh', 'avoidedKg'],
      rows: weekly.map((w) => [
        w.arm,
        w.week,
        w.partial,
        w.participants,
        value(w.footprintKg),
        value(w.low),
        value(w.high),
        value(w.avoidedKg),
      ]),
    },
    rates(summary.byCategory, intervals.byCategory, 'category'),
    rates(summary.byShop, intervals.byShop, 'shop'),
    {
      name: 'retention',
      columns: ['arm', 'weekSinceStart', 'observed', 'active', 'share'],
      rows: summary.retention.map((r) => [r.arm, r.weekSinceStart, r.observed, r.participants, value(r.share)]),
    },
  ];
  return { differences, intervals, weekly, tables };
}

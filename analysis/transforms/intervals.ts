// Bootstrap intervals for the descriptive figures of a summary: the weekly series, the
// greener-choice rates by category and shop, each arm's means and rate, and the totals. Each
// resample draws participants with replacement within each arm (the unit that was randomised, and
// the unit whose choices are correlated), and every figure is recomputed from the same draw, as a
// weighted sum over the per-participant tables. Seeded, so a report is repeatable. No Node APIs.

import type { LedgerSummary } from '../engines/summary.ts';
import { type Interval, percentileInterval, seededRandom } from './bootstrap.ts';

export type { Interval };

export interface IntervalOptions {
  /** Resamples (default 1,000). */
  resamples?: number;
  /** Interval level (default 0.95). */
  level?: number;
  seed?: number;
}

export const DEFAULT_RESAMPLES = 1000;

/** Intervals keyed like the summary's rows; null where the data cannot give one. */
export interface SummaryIntervals {
  resamples: number;
  level: number;
  seed: number;
  /** `${arm}\u0000${week}` → interval of the mean kg bought per active participant. */
  weeklyFootprintKg: Map<string, Interval | null>;
  /** category → interval of its greener-choice rate. */
  byCategory: Map<string, Interval | null>;
  byShop: Map<string, Interval | null>;
  /** arm → intervals of its means per participant and its rate. */
  byArm: Map<string, { footprintKg: Interval | null; avoidedKg: Interval | null; rate: Interval | null }>;
  totals: { footprintKg: Interval | null; avoidedKg: Interval | null; greenerRate: Interval | null };
}

/** Fewest participants behind a figure for an interval: one participant's resamples are all the same. */
export const MIN_PARTICIPANTS = 2;

/**
 * A figure made of sums over participants: each participant's numerator and denominator (summed
 * over their rows, so a resample costs one step per participant), then typed arrays to resample.
 */
class Ratio {
  private readonly index = new Map<number, number>();
  private readonly participantList: number[] = [];
  private readonly topList: number[] = [];
  private readonly bottomList: number[] = [];
  rows = new Int32Array(0);
  top = new Float64Array(0);
  bottom = new Float64Array(0);
  /** Participants the figure rests on: for a rate, those with a choice. */
  readonly participants = new Set<number>();
  /** A sum over participants (a total) rather than a ratio of sums. */
  readonly sum: boolean;
  constructor(sum: boolean) {
    this.sum = sum;
  }
  add(participant: number, top: number, bottom: number) {
    let at = this.index.get(participant);
    if (at === undefined) {
      at = this.participantList.length;
      this.index.set(participant, at);
      this.participantList.push(participant);
      this.topList.push(0);
      this.bottomList.push(0);
    }
    this.topList[at]! += top;
    this.bottomList[at]! += bottom;
    if (this.sum || bottom > 0) this.participants.add(participant);
  }
  finish() {
    this.rows = Int32Array.from(this.participantList);
    this.top = Float64Array.from(this.topList);
    this.bottom = Float64Array.from(this.bottomList);
  }
}

export function summaryIntervals(summary: LedgerSummary, options: IntervalOptions = {}): SummaryIntervals {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 1;
  const index = new Map(summary.participantRows.map((row, i) => [row.participant, i]));
  const arms = new Map<string, number[]>();
  for (const [i, row] of summary.participantRows.entries()) {
    const list = arms.get(row.arm) ?? [];
    list.push(i);
    arms.set(row.arm, list);
  }

  const figures = new Map<string, Ratio>();
  const ratio = (key: string, sum = false) => {
    let figure = figures.get(key);
    if (!figure) {
      figure = new Ratio(sum);
      figures.set(key, figure);
    }
    return figure;
  };
  for (const week of summary.participantWeeks) {
    ratio(`week\u0000${week.arm}\u0000${week.week}`).add(index.get(week.participant)!, week.footprintKg, 1);
  }
  for (const row of summary.participantChoices) {
    const i = index.get(row.participant)!;
    ratio(`category\u0000${row.category}`).add(i, row.greener, row.choices);
    ratio(`shop\u0000${row.shopHost}`).add(i, row.greener, row.choices);
  }
  for (const [i, row] of summary.participantRows.entries()) {
    ratio(`arm-footprint\u0000${row.arm}`).add(i, row.footprintKg, 1);
    ratio(`arm-avoided\u0000${row.arm}`).add(i, row.avoidedKg, 1);
    ratio(`arm-rate\u0000${row.arm}`).add(i, row.greener, row.choices);
    ratio('total-footprint', true).add(i, row.footprintKg, 0);
    ratio('total-avoided', true).add(i, row.avoidedKg, 0);
    ratio('total-rate').add(i, row.greener, row.choices);
  }

  const keys = [...figures.keys()];
  const list = keys.map((key) => figures.get(key)!);
  for (const figure of list) figure.finish();
  const position = new Map(keys.map((key, i) => [key, i]));
  const results = keys.map(() => new Float64Array(resamples));
  const weights = new Float64Array(summary.participantRows.length);
  const random = seededRandom(seed);
  for (let r = 0; r < resamples; r++) {
    weights.fill(0);
    for (const members of arms.values()) {
      for (let k = 0; k < members.length; k++) weights[members[Math.floor(random() * members.length)]!]! += 1;
    }
    for (const [f, figure] of list.entries()) {
      const { rows, top: tops, bottom: bottoms } = figure;
      let top = 0;
      let bottom = 0;
      for (let k = 0; k < rows.length; k++) {
        const w = weights[rows[k]!]!;
        if (w === 0) continue;
        top += w * tops[k]!;
        bottom += w * bottoms[k]!;
      }
      results[f]![r] = figure.sum ? top : bottom > 0 ? top / bottom : Number.NaN;
    }
  }
  const interval = (key: string): Interval | null => {
    const f = position.get(key) ?? -1;
    if (f < 0 || figures.get(key)!.participants.size < MIN_PARTICIPANTS) return null;
    const found = percentileInterval(results[f]!, level);
    // Every resample the same (a rate of 0 % or 100 %): the percentile bootstrap has no interval to
    // give there, and "0 to 0" would read as certainty.
    return found && found.high > found.low ? found : null;
  };

  const weeklyFootprintKg = new Map<string, Interval | null>();
  for (const week of summary.weekly) {
    weeklyFootprintKg.set(`${week.arm}\u0000${week.week}`, interval(`week\u0000${week.arm}\u0000${week.week}`));
  }
  return {
    resamples,
    level,
    seed,
    weeklyFootprintKg,
    byCategory: new Map(summary.byCategory.map((row) => [row.key, interval(`category\u0000${row.key}`)])),
    byShop: new Map(summary.byShop.map((row) => [row.key, interval(`shop\u0000${row.key}`)])),
    byArm: new Map(
      summary.byArm.map((row) => [
        row.arm,
        {
          footprintKg: interval(`arm-footprint\u0000${row.arm}`),
          avoidedKg: interval(`arm-avoided\u0000${row.arm}`),
          rate: interval(`arm-rate\u0000${row.arm}`),
        },
      ]),
    ),
    totals: {
      footprintKg: interval('total-footprint'),
      avoidedKg: interval('total-avoided'),
      greenerRate: interval('total-rate'),
    },
  };
}

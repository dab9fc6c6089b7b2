// Daily summaries of the ledger: one small row per local day, kept in the database as events are
// written, so the popup and dashboard build their figures from a year's 365 rows instead of
// reading every event. A day's row depends only on that day's events (so it can be rebuilt from
// them at any time), and the rows together give exactly what summariseLedger gives from the
// whole log: totals, streaks, badges with the moment they were earned, the weekly series, the
// breakdowns and the latest choices.

import { type ChoiceMadeEvent, type LedgerEvent, localDay } from '../events.ts';
import { type ChoiceBreakdown, UNKNOWN } from './breakdowns.ts';
import {
  avoidedGrams,
  type EarnedBadge,
  emptyWeek,
  GRAMS_PER_POINT,
  type LedgerProgress,
  type WeekSummary,
  weekOf,
} from './progress.ts';
import type { LedgerSummary } from './summary.ts';

/** Choices of one category or shop on one day: greener, kept, dismissed, kg avoided. */
export type ChoiceCounts = [greener: number, kept: number, dismissed: number, avoidedKgCO2e: number];

export interface DaySummary {
  /** The shopper's local day, YYYY-MM-DD (the first ten characters of the events' `at`). */
  day: string;
  events: number;
  greener: number;
  kept: number;
  dismissed: number;
  actions: number;
  /** Every event that avoided emissions, in time order: its `at` and grams. */
  gains: [at: string, grams: number][];
  /** `at` of each everyday action, in time order. */
  actionAts: string[];
  firstGreenerAt: string | null;
  firstPhotoAt: string | null;
  /** Category of each greener choice → `at` of the day's first one. */
  greenCategories: Record<string, string>;
  /**
   * kg CO2e of the products whose first view with an estimate in their week fell on this day (the
   * weekly footprint counts each product once a week; WeekView rows say which day has it).
   */
  viewedKgCO2e: number;
  byCategory: Record<string, ChoiceCounts>;
  byShop: Record<string, ChoiceCounts>;
  /** The day's latest choices, newest first (at most RECENT). */
  recentChoices: ChoiceMadeEvent[];
}

/** How many latest choices the summary lists. */
export const RECENT = 5;

const byAt = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

const emptyDay = (day: string): DaySummary => ({
  day,
  events: 0,
  greener: 0,
  kept: 0,
  dismissed: 0,
  actions: 0,
  gains: [],
  actionAts: [],
  firstGreenerAt: null,
  firstPhotoAt: null,
  greenCategories: {},
  viewedKgCO2e: 0,
  byCategory: {},
  byShop: {},
  recentChoices: [],
});

const earlier = (a: string | null, b: string): string => (a !== null && a <= b ? a : b);

const CHOICE_INDEX = { greener: 0, kept: 1, dismissed: 2 } as const;

/**
 * The day's summary with `events` (of that day, in any order, none of them in it yet) added: what
 * logging and importing do, without reading the day's other events. Every part of a day's summary
 * is a sum, a minimum by time or a sorted list, so adding in any order gives the same row.
 * `row` is not changed, and `viewedKgCO2e` is left to the caller (it depends on the whole week).
 */
export function addToDay(row: DaySummary | undefined, day: string, events: readonly LedgerEvent[]): DaySummary {
  const next: DaySummary = row ? structuredClone(row) : emptyDay(day);
  next.events += events.length;
  const choices: ChoiceMadeEvent[] = [...next.recentChoices];
  const count = (table: Record<string, ChoiceCounts>, key: string, event: ChoiceMadeEvent) => {
    const counts = table[key] ?? [0, 0, 0, 0];
    table[key] = counts;
    counts[CHOICE_INDEX[event.data.choice]]++;
    counts[3] += event.data.avoidedKgCO2e;
  };
  let gained = false;
  let acted = false;
  for (const event of [...events].sort(byAt)) {
    switch (event.type) {
      case 'choice-made': {
        next[event.data.choice]++;
        choices.push(event);
        count(next.byCategory, event.data.product.category ?? UNKNOWN, event);
        count(next.byShop, event.shopHost ?? UNKNOWN, event);
        if (event.data.choice === 'greener') {
          next.firstGreenerAt = earlier(next.firstGreenerAt, event.at);
          const category = event.data.product.category;
          if (category) next.greenCategories[category] = earlier(next.greenCategories[category] ?? null, event.at);
        }
        break;
      }
      case 'action-logged': {
        next.actions++;
        next.actionAts.push(event.at);
        acted = true;
        if (event.data.photoId) next.firstPhotoAt = earlier(next.firstPhotoAt, event.at);
        break;
      }
    }
    const grams = avoidedGrams(event);
    if (grams > 0) {
      next.gains.push([event.at, grams]);
      gained = true;
    }
  }
  // Stable sorts: events at the same moment keep the order they came in.
  if (gained && row) next.gains.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (acted && row) next.actionAts.sort();
  next.recentChoices = choices.sort((a, b) => byAt(b, a)).slice(0, RECENT);
  return next;
}

/** The summary of one day from all of that day's events (in any order). */
export const summariseDay = (day: string, events: readonly LedgerEvent[]): DaySummary =>
  addToDay(undefined, day, events);

/** The first view with an estimate of one product in one week: what the weekly footprint counts. */
export interface WeekView {
  /** `${week} ${url}`. */
  key: string;
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  at: string;
  kgCO2e: number;
}

export const weekViewKey = (week: string, url: string): string => `${week} ${url}`;

/** The first view with an estimate of each product in each week of `events`. */
export function firstViews(events: readonly LedgerEvent[]): WeekView[] {
  const first = new Map<string, WeekView>();
  for (const event of events) {
    if (event.type !== 'product-viewed' || event.data.product.kgCO2e === null) continue;
    const week = weekOf(localDay(event.at));
    const key = weekViewKey(week, event.data.product.url);
    const before = first.get(key);
    if (!before || event.at < before.at) first.set(key, { key, week, at: event.at, kgCO2e: event.data.product.kgCO2e });
  }
  return [...first.values()];
}

/** Adds each first view's kg to the summary of the day it fell on. */
export function creditViews(days: ReadonlyMap<string, DaySummary>, views: readonly WeekView[]): void {
  for (const view of [...views].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const day = days.get(localDay(view.at));
    if (day) day.viewedKgCO2e += view.kgCO2e;
  }
}

/** The daily summaries (in day order) and first views of a set of events: whole weeks, or the whole log. */
export function summariseDays(events: readonly LedgerEvent[]): DaySummary[];
export function summariseDays(
  events: readonly LedgerEvent[],
  withViews: true,
): { days: DaySummary[]; views: WeekView[] };
export function summariseDays(
  events: readonly LedgerEvent[],
  withViews?: true,
): DaySummary[] | { days: DaySummary[]; views: WeekView[] } {
  const byDay = groupByDay(events);
  const days = new Map([...byDay.keys()].sort().map((day) => [day, summariseDay(day, byDay.get(day)!)] as const));
  const views = firstViews(events);
  creditViews(days, views);
  return withViews ? { days: [...days.values()], views } : [...days.values()];
}

/** The seven days of the week starting on `monday`. */
export const daysOfWeek = (monday: string): string[] =>
  Array.from({ length: 7 }, (_, i) => new Date((dayNumber(monday) + i) * DAY_MS).toISOString().slice(0, 10));

/** Events grouped by their local day. */
export function groupByDay(events: readonly LedgerEvent[]): Map<string, LedgerEvent[]> {
  const byDay = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const day = localDay(event.at);
    const list = byDay.get(day);
    if (list) list.push(event);
    else byDay.set(day, [event]);
  }
  return byDay;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;

/** Grams avoided in all that earn a badge, in order. */
const THRESHOLDS: readonly [number, string][] = [
  [1_000, 'avoided-1kg'],
  [10_000, 'avoided-10kg'],
  [100_000, 'avoided-100kg'],
];

// The order ledgerProgress earns badges in when one event earns several.
const BADGE_ORDER = [
  'first-greener-choice',
  'categories-3',
  'categories-10',
  'first-action',
  'actions-30',
  'photo-proof',
  'avoided-1kg',
  'avoided-10kg',
  'avoided-100kg',
  'streak-7',
];

function breakdown(days: readonly DaySummary[], pick: (day: DaySummary) => Record<string, ChoiceCounts>) {
  const groups = new Map<string, ChoiceBreakdown>();
  for (const day of days) {
    for (const [key, [greener, kept, dismissed, kg]] of Object.entries(pick(day))) {
      let group = groups.get(key);
      if (!group) {
        group = { key, greener: 0, kept: 0, dismissed: 0, avoidedKgCO2e: 0 };
        groups.set(key, group);
      }
      group.greener += greener;
      group.kept += kept;
      group.dismissed += dismissed;
      group.avoidedKgCO2e += kg;
    }
  }
  const total = (g: ChoiceBreakdown) => g.greener + g.kept + g.dismissed;
  return [...groups.values()].sort((a, b) => total(b) - total(a) || (a.key < b.key ? -1 : 1));
}

/**
 * The ledger's summary from its daily summaries (in any order): the same figures summariseLedger
 * computes from every event, for `today` (the shopper's local day). `productsViewed` is the
 * number of different products viewed (the ledger's products table has one row each).
 */
export function summaryFromDays(rows: readonly DaySummary[], today: string, productsViewed: number): LedgerSummary {
  const days = [...rows].filter((d) => d.events > 0).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const earned = new Map<string, string>();
  const earn = (id: string, at: string | undefined | null) => {
    if (at && !earned.has(id)) earned.set(id, at);
  };
  const choices = { greener: 0, kept: 0, dismissed: 0 };
  const weeks = new Map<string, WeekSummary>();
  const categoryFirst = new Map<string, string>();
  let events = 0;
  let grams = 0;
  let actions = 0;
  let streak = 0;
  let lastGreenDay = Number.NaN;
  const greenDays: number[] = [];
  let nextThreshold = 0;

  for (const day of days) {
    events += day.events;
    choices.greener += day.greener;
    choices.kept += day.kept;
    choices.dismissed += day.dismissed;
    const weekKey = weekOf(day.day);
    let week = weeks.get(weekKey);
    if (!week) {
      week = emptyWeek(weekKey);
      weeks.set(weekKey, week);
    }
    week.greenerChoices += day.greener;
    week.choices += day.greener + day.kept + day.dismissed;
    week.actions += day.actions;
    week.viewedKgCO2e += day.viewedKgCO2e;

    earn('first-greener-choice', day.firstGreenerAt);
    for (const [category, at] of Object.entries(day.greenCategories)) {
      const before = categoryFirst.get(category);
      if (!before || at < before) categoryFirst.set(category, at);
    }
    if (day.actionAts.length) earn('first-action', day.actionAts[0]);
    if (actions < 30 && actions + day.actions >= 30) earn('actions-30', day.actionAts[29 - actions]);
    actions += day.actions;
    earn('photo-proof', day.firstPhotoAt);
    // An indexed loop: a page runs this once, before the JIT has warmed up to anything fancier.
    const gains = day.gains;
    for (let i = 0; i < gains.length; i++) {
      const gain = gains[i]!;
      grams += gain[1];
      week.avoidedKgCO2e += gain[1] / 1000;
      while (nextThreshold < THRESHOLDS.length && grams >= THRESHOLDS[nextThreshold]![0]) {
        earn(THRESHOLDS[nextThreshold]![1], gain[0]);
        nextThreshold++;
      }
    }
    if (day.greener > 0 || day.actions > 0) {
      const n = dayNumber(day.day);
      greenDays.push(n);
      streak = n === lastGreenDay + 1 ? streak + 1 : 1;
      lastGreenDay = n;
      if (streak >= 7) {
        const firstAction = day.actionAts[0] ?? null;
        const first =
          day.firstGreenerAt && (!firstAction || day.firstGreenerAt <= firstAction) ? day.firstGreenerAt : firstAction;
        earn('streak-7', first);
      }
    }
  }
  const categoryAts = [...categoryFirst.values()].sort();
  earn('categories-3', categoryAts[2]);
  earn('categories-10', categoryAts[9]);

  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const n of greenDays) {
    run = n === previous + 1 ? run + 1 : 1;
    previous = n;
    longest = Math.max(longest, run);
  }
  const green = new Set(greenDays);
  const todayN = dayNumber(today);
  let current = 0;
  for (let n = green.has(todayN) ? todayN : todayN - 1; green.has(n); n--) current++;

  const badges: EarnedBadge[] = [...earned]
    .map(([id, earnedAt]) => ({ id, earnedAt }))
    .sort((a, b) =>
      a.earnedAt < b.earnedAt
        ? -1
        : a.earnedAt > b.earnedAt
          ? 1
          : BADGE_ORDER.indexOf(a.id) - BADGE_ORDER.indexOf(b.id),
    );
  const weekly = [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
  const progress: LedgerProgress = {
    events,
    productsViewed,
    avoidedKgCO2e: grams / 1000,
    points: Math.floor(grams / GRAMS_PER_POINT),
    choices,
    actions,
    currentStreakDays: current,
    longestStreakDays: longest,
    badges,
    weeks: weekly,
  };
  const recent: ChoiceMadeEvent[] = [];
  for (let i = days.length - 1; i >= 0 && recent.length < RECENT; i--) recent.push(...days[i]!.recentChoices);
  return {
    today,
    progress,
    byCategory: breakdown(days, (d) => d.byCategory),
    byShop: breakdown(days, (d) => d.byShop),
    recentChoices: recent.slice(0, RECENT),
  };
}

// The motivation side of the ledger, as pure functions of the event log: points, badges, streaks,
// totals, weekly series and the day's suggested actions. The popup, the dashboard and the
// benchmarks all call these; nothing here touches a database.

import { type ActionLoggedEvent, type LedgerEvent, localDay } from '../events.ts';

/**
 * Points rule: one point per 10 g CO2e avoided, counting greener choices (the avoided kg the
 * background computed) and everyday actions (the catalogue's grams per occurrence). Viewing
 * products earns nothing, so points cannot be farmed by browsing.
 */
export const GRAMS_PER_POINT = 10;

export interface Badge {
  id: string;
  title: string;
  /** What earns it, in one line. */
  rule: string;
}

export const BADGES: readonly Badge[] = [
  { id: 'first-greener-choice', title: 'First greener choice', rule: 'Take a greener alternative once.' },
  { id: 'first-action', title: 'First everyday action', rule: 'Log an everyday low-carbon action once.' },
  { id: 'avoided-1kg', title: '1 kg avoided', rule: 'Avoid 1 kg CO2e in all.' },
  { id: 'avoided-10kg', title: '10 kg avoided', rule: 'Avoid 10 kg CO2e in all.' },
  { id: 'avoided-100kg', title: '100 kg avoided', rule: 'Avoid 100 kg CO2e in all.' },
  { id: 'streak-7', title: 'A week in a row', rule: 'Make a greener choice or log an action 7 days running.' },
  { id: 'categories-3', title: 'Explorer', rule: 'Make greener choices in 3 different categories.' },
  { id: 'categories-10', title: 'Pathfinder', rule: 'Make greener choices in 10 different categories.' },
  { id: 'actions-30', title: 'Habit', rule: 'Log 30 everyday actions.' },
  { id: 'photo-proof', title: 'Seen it', rule: 'Add a photo proof to an action.' },
];

export interface EarnedBadge {
  id: string;
  /** `at` of the event that earned it. */
  earnedAt: string;
}

export interface WeekSummary {
  /** Monday of the week (local calendar), YYYY-MM-DD. */
  week: string;
  /** Sum of the estimates of distinct products viewed that week, kg CO2e. */
  viewedKgCO2e: number;
  avoidedKgCO2e: number;
  greenerChoices: number;
  choices: number;
  actions: number;
}

/** A week with nothing in it yet. */
export const emptyWeek = (week: string): WeekSummary => ({
  week,
  viewedKgCO2e: 0,
  avoidedKgCO2e: 0,
  greenerChoices: 0,
  choices: 0,
  actions: 0,
});

export interface LedgerProgress {
  events: number;
  productsViewed: number;
  avoidedKgCO2e: number;
  points: number;
  choices: { greener: number; kept: number; dismissed: number };
  actions: number;
  /** Consecutive days up to today (or yesterday, when today has nothing yet) with a greener act. */
  currentStreakDays: number;
  longestStreakDays: number;
  badges: EarnedBadge[];
  weeks: WeekSummary[];
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** Monday of the ISO week that `day` falls in. */
export const weekOf = (day: string): string => {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 counting Monday as 0.
  return dayString(n - ((n + 3) % 7));
};

/** Emissions avoided by one event, in grams CO2e. */
export function avoidedGrams(event: LedgerEvent): number {
  if (event.type === 'choice-made') return event.data.avoidedKgCO2e * 1000;
  if (event.type === 'action-logged') return event.data.avoidedGramsCO2e;
  return 0;
}

/**
 * Everything the popup and dashboard show, in one pass over the log. `today` is the shopper's
 * local day (YYYY-MM-DD); events may come in any order.
 */
export function ledgerProgress(events: readonly LedgerEvent[], today: string): LedgerProgress {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const weeks = new Map<string, WeekSummary & { seen: Set<string> }>();
  const weekCache = new Map<string, string>();
  const greenDays = new Set<string>();
  const greenCategories = new Set<string>();
  const productsViewed = new Set<string>();
  const earned = new Map<string, string>();
  const earn = (id: string, at: string) => {
    if (!earned.has(id)) earned.set(id, at);
  };
  const choices = { greener: 0, kept: 0, dismissed: 0 };
  let grams = 0;
  let actions = 0;
  let streak = 0;
  let lastGreenDay = Number.NaN;

  for (const event of sorted) {
    const day = localDay(event.at);
    let weekKey = weekCache.get(day);
    if (weekKey === undefined) {
      weekKey = weekOf(day);
      weekCache.set(day, weekKey);
    }
    let week = weeks.get(weekKey);
    if (!week) {
      week = { ...emptyWeek(weekKey), seen: new Set() };
      weeks.set(weekKey, week);
    }
    let green = false;
    switch (event.type) {
      case 'product-viewed': {
        const { url, kgCO2e } = event.data.product;
        productsViewed.add(url);
        if (kgCO2e !== null && !week.seen.has(url)) {
          week.seen.add(url);
          week.viewedKgCO2e += kgCO2e;
        }
        break;
      }
      case 'choice-made': {
        choices[event.data.choice]++;
        week.choices++;
        if (event.data.choice === 'greener') {
          green = true;
          week.greenerChoices++;
          earn('first-greener-choice', event.at);
          if (event.data.product.category) greenCategories.add(event.data.product.category);
          if (greenCategories.size >= 3) earn('categories-3', event.at);
          if (greenCategories.size >= 10) earn('categories-10', event.at);
        }
        break;
      }
      case 'action-logged': {
        green = true;
        actions++;
        week.actions++;
        earn('first-action', event.at);
        if (actions >= 30) earn('actions-30', event.at);
        if (event.data.photoId) earn('photo-proof', event.at);
        break;
      }
    }
    const eventGrams = avoidedGrams(event);
    if (eventGrams > 0) {
      grams += eventGrams;
      week.avoidedKgCO2e += eventGrams / 1000;
      if (grams >= 1_000) earn('avoided-1kg', event.at);
      if (grams >= 10_000) earn('avoided-10kg', event.at);
      if (grams >= 100_000) earn('avoided-100kg', event.at);
    }
    if (green && !greenDays.has(day)) {
      greenDays.add(day);
      const n = dayNumber(day);
      streak = n === lastGreenDay + 1 ? streak + 1 : 1;
      lastGreenDay = n;
      if (streak >= 7) earn('streak-7', event.at);
    }
  }

  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const n of [...greenDays].map(dayNumber).sort((a, b) => a - b)) {
    run = n === previous + 1 ? run + 1 : 1;
    previous = n;
    longest = Math.max(longest, run);
  }
  const todayN = dayNumber(today);
  let current = 0;
  for (let n = greenDays.has(today) ? todayN : todayN - 1; greenDays.has(dayString(n)); n--) current++;

  return {
    events: events.length,
    productsViewed: productsViewed.size,
    avoidedKgCO2e: grams / 1000,
    points: Math.floor(grams / GRAMS_PER_POINT),
    choices,
    actions,
    currentStreakDays: current,
    longestStreakDays: longest,
    badges: [...earned].map(([id, earnedAt]) => ({ id, earnedAt })),
    weeks: [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1)).map(({ seen: _, ...week }) => week),
  };
}

/**
 * A few actions to try "in the next 24 hours": the same all day (seeded by the date), favouring
 * actions the shopper has not logged in the last week.
 */
export function suggestedActions<A extends { id: string }>(
  catalogue: readonly A[],
  events: readonly LedgerEvent[],
  today: string,
  count = 3,
): A[] {
  const weekAgo = dayString(dayNumber(today) - 7);
  const recent = new Set(
    events
      .filter((e): e is ActionLoggedEvent => e.type === 'action-logged' && localDay(e.at) > weekAgo)
      .map((e) => e.data.actionId),
  );
  let seed = [...today].reduce((hash, ch) => Math.imul(hash ^ ch.charCodeAt(0), 16_777_619), 2_166_136_261) >>> 0;
  const random = () => {
    // xorshift32: small, deterministic, good enough to shuffle a list.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const ranked = catalogue
    .map((action) => ({ action, key: (recent.has(action.id) ? 1 : 0) + random() }))
    .sort((a, b) => a.key - b.key);
  return ranked.slice(0, count).map((r) => r.action);
}

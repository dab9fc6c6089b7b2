// The popup's and dashboard's views of the ledger beyond the totals in progress.ts: choices by
// category and by shop, avoided emissions adding up week by week, the latest choices and a
// searchable history. Pure functions of the event log, so they run in extension pages (where
// Arquero cannot) and in tests alike.

import type { Choice, ChoiceMadeEvent, EventType, LedgerEvent } from '../events.ts';
import { CATEGORY_BY_ID } from '../footprint/taxonomy.ts';
import { CATEGORY_NAMES } from '../i18n/categories.ts';
import type { WeekSummary } from './progress.ts';

/** Choices made about products of one category or on one shop. */
export interface ChoiceBreakdown {
  /** Category id or shop host; `unknown` when the ledger has none. */
  key: string;
  greener: number;
  kept: number;
  dismissed: number;
  avoidedKgCO2e: number;
}

export const UNKNOWN = 'unknown';

function choicesBy(events: readonly LedgerEvent[], keyOf: (event: ChoiceMadeEvent) => string): ChoiceBreakdown[] {
  const groups = new Map<string, ChoiceBreakdown>();
  for (const event of events) {
    if (event.type !== 'choice-made') continue;
    const key = keyOf(event);
    let group = groups.get(key);
    if (!group) {
      group = { key, greener: 0, kept: 0, dismissed: 0, avoidedKgCO2e: 0 };
      groups.set(key, group);
    }
    group[event.data.choice]++;
    group.avoidedKgCO2e += event.data.avoidedKgCO2e;
  }
  const total = (g: ChoiceBreakdown) => g.greener + g.kept + g.dismissed;
  // Most choices first; ties by name so the order is the same on every render.
  return [...groups.values()].sort((a, b) => total(b) - total(a) || (a.key < b.key ? -1 : 1));
}

export const choicesByCategory = (events: readonly LedgerEvent[]): ChoiceBreakdown[] =>
  choicesBy(events, (e) => e.data.product.category ?? UNKNOWN);

export const choicesByShop = (events: readonly LedgerEvent[]): ChoiceBreakdown[] =>
  choicesBy(events, (e) => e.shopHost ?? UNKNOWN);

export interface CumulativeAvoided {
  week: string;
  avoidedKgCO2e: number;
  /** Everything avoided up to and including this week. */
  totalKgCO2e: number;
}

/** Avoided emissions adding up, one point per week of the weekly series (which is sorted). */
export function cumulativeAvoided(weeks: readonly WeekSummary[]): CumulativeAvoided[] {
  let total = 0;
  return weeks.map((w) => {
    total += w.avoidedKgCO2e;
    return { week: w.week, avoidedKgCO2e: w.avoidedKgCO2e, totalKgCO2e: total };
  });
}

/** The week starting on `monday` from the weekly series, or an empty one when nothing happened. */
export function weekSummary(weeks: readonly WeekSummary[], monday: string): WeekSummary {
  return (
    weeks.find((w) => w.week === monday) ?? {
      week: monday,
      viewedKgCO2e: 0,
      avoidedKgCO2e: 0,
      greenerChoices: 0,
      choices: 0,
      actions: 0,
    }
  );
}

const newestFirst = (a: { at: string }, b: { at: string }) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** The latest `count` choices, newest first. */
export function recentChoices(events: readonly LedgerEvent[], count = 5): ChoiceMadeEvent[] {
  return events
    .filter((e): e is ChoiceMadeEvent => e.type === 'choice-made')
    .sort(newestFirst)
    .slice(0, count);
}

/** One line of the history: what happened, in words a search can match. */
export interface HistoryEntry {
  id: string;
  type: EventType;
  at: string;
  /** The product's title, or the action's title from the catalogue. */
  title: string;
  url: string | null;
  shopHost: string | null;
  category: string | null;
  kgCO2e: number | null;
  avoidedKgCO2e: number;
  /** The choice made, for a choice. */
  choice: Choice | null;
  photoId: string | null;
}

/** A category's names in English, German and Chinese, so a search in any of them finds it. */
const categoryWords = (id: string | null): string =>
  id ? [CATEGORY_BY_ID.get(id)?.label ?? '', ...(CATEGORY_NAMES[id] ?? [])].join(' ') : '';

export function historyEntry(event: LedgerEvent, actionTitle: (actionId: string) => string): HistoryEntry {
  const base = { id: event.id, type: event.type, at: event.at, shopHost: event.shopHost, choice: null, photoId: null };
  if (event.type === 'action-logged') {
    return {
      ...base,
      title: actionTitle(event.data.actionId),
      url: null,
      category: null,
      kgCO2e: null,
      avoidedKgCO2e: event.data.avoidedGramsCO2e / 1000,
      photoId: event.data.photoId,
    };
  }
  const { product } = event.data;
  return {
    ...base,
    title: product.title,
    url: product.url,
    category: product.category,
    kgCO2e: product.kgCO2e,
    avoidedKgCO2e: event.type === 'choice-made' ? event.data.avoidedKgCO2e : 0,
    choice: event.type === 'choice-made' ? event.data.choice : null,
  };
}

export interface HistoryQuery {
  /** Words that must all appear in the title, shop, category or type (any case). */
  text?: string;
  type?: EventType | null;
  /** Most entries to return; `total` still counts every match. */
  limit?: number;
}

/**
 * Searches the history, newest first. Each word of the query must match somewhere in the entry,
 * so "kettle amazon" finds kettles viewed on Amazon.
 */
export function searchHistory(
  entries: readonly HistoryEntry[],
  query: HistoryQuery = {},
): { entries: HistoryEntry[]; total: number } {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const limit = query.limit ?? 100;
  const matches = entries.filter((entry) => {
    if (query.type && entry.type !== query.type) return false;
    if (!words.length) return true;
    const haystack =
      `${entry.title} ${entry.shopHost ?? ''} ${entry.category ?? ''} ${categoryWords(entry.category)} ${entry.type}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  return { entries: [...matches].sort(newestFirst).slice(0, limit), total: matches.length };
}

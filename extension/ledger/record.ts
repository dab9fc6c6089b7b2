// Writes events to the ledger: validated, honouring the shopper's privacy settings, each event
// with its side tables in one transaction, so a failure (a full disk) leaves earlier data as it was.

import type { Table } from 'dexie';
import { type LedgerEvent, localDay, localIsoTimestamp, validateEvent } from '../../shared/events.ts';
import {
  addToDay,
  creditViews,
  type DaySummary,
  daysOfWeek,
  firstViews,
  groupByDay,
  summariseDays,
  type WeekView,
} from '../../shared/ledger/days.ts';
import { weekOf } from '../../shared/ledger/progress.ts';
import { eventsOfType, type LedgerDb, type LedgerSettings, readSettings, type SeenProduct, withView } from './db.ts';

export type LogResult =
  | { logged: true; event: LedgerEvent }
  | { logged: false; reason: 'paused' | 'shop-disabled' | 'quota' | 'invalid'; error?: string };

/** Why an event is not logged under these settings, or null when it may be. */
export function loggingBlockedBy(settings: LedgerSettings, shopHost: string | null): 'paused' | 'shop-disabled' | null {
  if (settings.paused) return 'paused';
  if (shopHost && settings.disabledShops.includes(shopHost)) return 'shop-disabled';
  return null;
}

const isQuotaError = (error: unknown): boolean => {
  for (let e = error as { name?: string; inner?: unknown } | undefined; e; e = e.inner as typeof e) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
};

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `task` after every task queued before it (in this page or worker) has finished, whether it
 * succeeded or not: a check-then-write (one choice per view, one action a day) cannot be passed
 * twice by a double click.
 */
export function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/** Writes one event (and its product or action row). Never throws for expected refusals. */
export async function logEvent(db: LedgerDb, candidate: LedgerEvent, settings?: LedgerSettings): Promise<LogResult> {
  const checked = validateEvent(candidate);
  if (!checked.ok) return { logged: false, reason: 'invalid', error: checked.error };
  const event = checked.value;
  const blocked = loggingBlockedBy(settings ?? (await readSettings(db)), event.shopHost);
  if (blocked) return { logged: false, reason: blocked };
  try {
    await db.transaction('rw', [db.events, db.products, db.actions, db.days, db.weekViews], () =>
      writeEventRows(db, [event]),
    );
    return { logged: true, event };
  } catch (error) {
    if (isQuotaError(error))
      return { logged: false, reason: 'quota', error: 'the browser has no room left for the ledger' };
    throw error;
  }
}

/** Rows written per bulk call: large imports go in slices, so no single request holds them all. */
const CHUNK = 10_000;

/**
 * Adds events and keeps the products, actions and daily-summary tables in step. Call inside a
 * transaction over events, products, actions and days. Events already present (same id) are
 * replaced, so importing the same file twice changes nothing; `fresh` says the caller knows none
 * of `events` is in the ledger yet (an import that checked), which saves looking them up, and
 * `emptyLedger` that the ledger held no events at all (its summaries are then made from `events`
 * alone, without looking any up).
 */
export async function writeEventRows(
  db: LedgerDb,
  events: readonly LedgerEvent[],
  options: { fresh?: boolean; emptyLedger?: boolean } = {},
): Promise<void> {
  if (!events.length) return;
  const replaced = options.fresh
    ? []
    : (await db.events.bulkGet(events.map((e) => e.id))).filter((e): e is LedgerEvent => e !== undefined);
  for (let i = 0; i < events.length; i += CHUNK) {
    const slice = events.slice(i, i + CHUNK) as LedgerEvent[];
    await (options.fresh ? db.events.bulkAdd(slice) : db.events.bulkPut(slice));
  }
  performance.mark('carbon-ledger:events-written');
  const views = events.filter((e) => e.type === 'product-viewed');
  if (views.length) {
    const urls = [...new Set(views.map((e) => e.data.product.url))];
    const existing = new Map((await db.products.bulkGet(urls)).flatMap((p) => (p ? [[p.url, p] as const] : [])));
    for (const view of views) {
      const { product } = view.data;
      existing.set(product.url, withView(existing.get(product.url), product, view.at, view.shopHost));
    }
    await db.products.bulkPut([...existing.values()]);
  }
  const actions = events.filter((e) => e.type === 'action-logged');
  if (actions.length) {
    await db.actions.bulkPut(
      actions.map((e) => ({ id: e.id, actionId: e.data.actionId, at: e.at, photoId: e.data.photoId })),
    );
  }
  performance.mark('carbon-ledger:side-tables-written');
  if (options.emptyLedger) {
    const summaries = summariseDays(events, true);
    await db.days.bulkPut(summaries.days);
    for (let i = 0; i < summaries.views.length; i += CHUNK) {
      await db.weekViews.bulkPut(summaries.views.slice(i, i + CHUNK));
    }
  } else
    await refreshDays(
      db,
      events,
      replaced.map((e) => localDay(e.at)),
    );
}

/**
 * Summarises a week again from its events in the ledger (after it lost some): its daily summaries
 * and first views are replaced. Call inside a transaction over events, days and weekViews.
 */
async function rebuildWeek(db: LedgerDb, monday: string): Promise<void> {
  const days = daysOfWeek(monday);
  // Each `at` starts with its local day, so the week's events are one range of the `at` index.
  const events = await db.events.where('at').between(monday, `${days[6]}\uffff`, true, true).toArray();
  await db.weekViews.where('week').equals(monday).delete();
  await db.days.bulkDelete(days);
  const summaries = summariseDays(events, true);
  await db.days.bulkPut(summaries.days);
  await db.weekViews.bulkPut(summaries.views);
}

/**
 * Brings the daily summaries up to date after events are written. `written` are the events just
 * written (none of them in the ledger before): they are added to their days' summaries without
 * reading other events. A week with a day that lost events (`changed`: a replaced event's old
 * day, automatic deletion) is summarised again from the events it has left. Call inside a
 * transaction over events, days and weekViews.
 */
export async function refreshDays(
  db: LedgerDb,
  written: readonly LedgerEvent[],
  changed: readonly string[] = [],
): Promise<void> {
  const lostWeeks = new Set(changed.map(weekOf));
  for (const week of lostWeeks) await rebuildWeek(db, week);
  const added = lostWeeks.size ? written.filter((e) => !lostWeeks.has(weekOf(localDay(e.at)))) : written;
  if (!added.length) return;
  const byDay = groupByDay(added);
  // A product's first view with an estimate in its week counts in the weekly footprint: a new view
  // earlier than the one counted so far takes its place (its day loses that kg).
  const views = firstViews(added);
  const counted = await db.weekViews.bulkGet(views.map((view) => view.key));
  const winners: WeekView[] = [];
  const displaced: WeekView[] = [];
  for (const [index, view] of views.entries()) {
    const before = counted[index];
    if (before && before.at <= view.at) continue;
    winners.push(view);
    if (before) displaced.push(before);
  }
  const dayKeys = [...new Set([...byDay.keys(), ...displaced.map((view) => localDay(view.at))])];
  const rows = await db.days.bulkGet(dayKeys);
  const next = new Map<string, DaySummary>();
  for (const [index, day] of dayKeys.entries()) {
    const events = byDay.get(day);
    const row = rows[index];
    if (events) next.set(day, addToDay(row, day, events));
    else if (row) next.set(day, { ...row });
  }
  for (const view of displaced) {
    const row = next.get(localDay(view.at));
    if (row) row.viewedKgCO2e -= view.kgCO2e;
  }
  creditViews(next, winners);
  const rebuilt = [...next.values()];
  for (let i = 0; i < rebuilt.length; i += CHUNK) await db.days.bulkPut(rebuilt.slice(i, i + CHUNK));
  for (let i = 0; i < winners.length; i += CHUNK) await db.weekViews.bulkPut(winners.slice(i, i + CHUNK));
}

/**
 * Automatic deletion: everything older than the retention period that records browsing. Events,
 * their action rows and photos, and the products table (URLs, titles, first and last seen): a
 * product last seen before the cutoff goes; one seen before and after keeps only what the
 * remaining views say (first seen, number of views). Returns the events deleted.
 */
export async function applyRetention(db: LedgerDb, settings: LedgerSettings, now = new Date()): Promise<number> {
  if (settings.retentionDays === null || !(settings.retentionDays > 0)) return 0;
  const cutoff = localIsoTimestamp(new Date(now.getTime() - settings.retentionDays * 86_400_000));
  const before = (at: string) => Date.parse(at) < Date.parse(cutoff);
  return db.transaction('rw', [db.events, db.products, db.actions, db.photos, db.days, db.weekViews], async () => {
    // `at` strings carry their own UTC offset (up to 26 hours apart): the index narrows by text,
    // Date.parse decides.
    const textBound = localIsoTimestamp(new Date(Date.parse(cutoff) + 2 * 86_400_000));
    const candidates = await db.events.where('at').below(textBound).toArray();
    const oldEvents = candidates.filter((event) => before(event.at));
    const old = oldEvents.map((event) => event.id);
    const oldActions = await db.actions.bulkGet(old);
    const photoIds = oldActions.flatMap((a) => (a?.photoId ? [a.photoId] : []));
    // Photos by their own date too (one kept without an action), through the index: only
    // candidates are read, never every image.
    const oldPhotoIds = await db.photos
      .where('createdAt')
      .between('0', textBound)
      .filter((photo) => before(photo.createdAt))
      .primaryKeys();
    await db.events.bulkDelete(old);
    await db.actions.bulkDelete(old);
    await db.photos.bulkDelete([...photoIds, ...oldPhotoIds]);
    // The days that lost events: summarised again from what is left (nothing, before the cutoff's day).
    await refreshDays(db, [], [...new Set(oldEvents.map((event) => localDay(event.at)))]);

    const products = await db.products.toArray();
    const gone = products.filter((p) => before(p.lastSeenAt)).map((p) => p.url);
    await db.products.bulkDelete(gone);
    // Seen before and after the cutoff: rebuilt from the views that remain.
    const straddling = products.filter((p) => !before(p.lastSeenAt) && before(p.firstSeenAt));
    if (straddling.length) {
      const urls = new Set(straddling.map((p) => p.url));
      const rebuilt = new Map<string, SeenProduct>();
      await eventsOfType(db, 'product-viewed').each((event) => {
        if (event.type !== 'product-viewed' || !urls.has(event.data.product.url)) return;
        const url = event.data.product.url;
        rebuilt.set(url, withView(rebuilt.get(url), event.data.product, event.at, event.shopHost));
      });
      await db.products.bulkDelete([...urls].filter((url) => !rebuilt.has(url)));
      await db.products.bulkPut(
        [...rebuilt.values()].map((row) => {
          const latest = straddling.find((p) => p.url === row.url)!;
          // The latest view's title and estimate, as the live table keeps them.
          return { ...row, title: latest.title, category: latest.category, kgCO2e: latest.kgCO2e };
        }),
      );
    }
    return old.length;
  });
}

/**
 * The shopper's "delete everything": every table and every setting, back to a fresh install.
 * That includes the switched-off shops, automatic deletion, pause, and the study: the enrollment
 * ends (nothing more is recorded for it, its data is gone) and joining again makes a new participant.
 */
export async function deleteEverything(db: LedgerDb): Promise<void> {
  await db.transaction('rw', db.tables, () => clearTables(db.tables));
}

/** Empties each of `tables` (call inside a transaction over them). */
export async function clearTables(tables: readonly Table[]): Promise<void> {
  await Promise.all(tables.map((table) => table.clear()));
}

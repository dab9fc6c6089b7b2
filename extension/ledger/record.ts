// Writes events to the ledger: validated, honouring the shopper's privacy settings, each event
// with its side tables in one transaction, so a failure (a full disk) leaves earlier data as it was.

import { type LedgerEvent, localIsoTimestamp, validateEvent } from '../../shared/events.ts';
import { type LedgerDb, type LedgerSettings, readSettings, withView } from './db.ts';

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

/** Writes one event (and its product or action row). Never throws for expected refusals. */
export async function logEvent(db: LedgerDb, candidate: LedgerEvent, settings?: LedgerSettings): Promise<LogResult> {
  const checked = validateEvent(candidate);
  if (!checked.ok) return { logged: false, reason: 'invalid', error: checked.error };
  const event = checked.value;
  const blocked = loggingBlockedBy(settings ?? (await readSettings(db)), event.shopHost);
  if (blocked) return { logged: false, reason: blocked };
  try {
    await db.transaction('rw', db.events, db.products, db.actions, () => writeEventRows(db, [event]));
    return { logged: true, event };
  } catch (error) {
    if (isQuotaError(error))
      return { logged: false, reason: 'quota', error: 'the browser has no room left for the ledger' };
    throw error;
  }
}

/**
 * Adds events and keeps the products and actions tables in step. Call inside a transaction
 * over events, products and actions. Events already present (same id) are replaced, so
 * importing the same file twice changes nothing.
 */
export async function writeEventRows(db: LedgerDb, events: readonly LedgerEvent[]): Promise<void> {
  await db.events.bulkPut(events as LedgerEvent[]);
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
}

/** Deletes events older than the retention period, with their action rows and photos. */
export async function applyRetention(db: LedgerDb, settings: LedgerSettings, now = new Date()): Promise<number> {
  if (settings.retentionDays === null || !(settings.retentionDays > 0)) return 0;
  const cutoff = localIsoTimestamp(new Date(now.getTime() - settings.retentionDays * 86_400_000));
  return db.transaction('rw', db.events, db.actions, db.photos, async () => {
    const old = await db.events.where('at').below(cutoff).primaryKeys();
    const oldActions = await db.actions.bulkGet(old);
    const photoIds = oldActions.flatMap((a) => (a?.photoId ? [a.photoId] : []));
    await db.events.bulkDelete(old);
    await db.actions.bulkDelete(old);
    await db.photos.bulkDelete(photoIds);
    return old.length;
  });
}

/** The shopper's "delete everything": every event, product, action, badge and photo. Settings stay. */
export async function deleteEverything(db: LedgerDb): Promise<void> {
  await db.transaction('rw', [db.events, db.products, db.actions, db.badges, db.photos], async () => {
    await Promise.all([
      db.events.clear(),
      db.products.clear(),
      db.actions.clear(),
      db.badges.clear(),
      db.photos.clear(),
    ]);
  });
}

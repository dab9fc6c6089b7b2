// The ledger's Dexie database, in one module. It lives in the extension's own origin (background
// and extension pages); content scripts reach it only through messages. A shipped version is
// never edited: a change is a new version with an upgrade, tested against the old one.

import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { EVENT_SCHEMA_VERSION, type LedgerEvent, type ProductSummary } from '../../shared/events.ts';
import { type DaySummary, summariseDays, type WeekView } from '../../shared/ledger/days.ts';
import type { Enrollment } from '../../shared/study/enrollment.ts';
import type { Study } from '../../shared/study/study.ts';

export const LEDGER_DB_NAME = 'carbon-ledger';

/** One row per product ever viewed, for history and search. */
export interface SeenProduct {
  url: string;
  shopHost: string;
  title: string;
  category: string | null;
  kgCO2e: number | null;
  firstSeenAt: string;
  lastSeenAt: string;
  views: number;
}

/** An everyday action logged by hand; the matching `action-logged` event has the same id. */
export interface LoggedAction {
  id: string;
  actionId: string;
  at: string;
  photoId: string | null;
}

export interface EarnedBadgeRow {
  id: string;
  earnedAt: string;
}

/** A photo proof. It never leaves the device unless the shopper exports it on purpose. */
export interface PhotoProof {
  id: string;
  blob: Blob;
  createdAt: string;
}

export interface LedgerSettings {
  /** Nothing is logged while paused. */
  paused: boolean;
  /** Shop hosts the shopper switched off: no overlay, no logging. */
  disabledShops: string[];
  /** Events older than this many days are deleted; null keeps everything. */
  retentionDays: number | null;
  /** Whether the browser granted persistent storage when asked. */
  persisted: boolean | null;
  /** The study the shopper joined (kept after leaving, for the participant bundle), or null. */
  enrollment?: { study: Study; enrollment: Enrollment } | null;
  /**
   * The participant seed of every study joined on this device, by study id: kept when the
   * shopper leaves or joins another, so rejoining gives the same participant id and arm.
   * "Delete everything" clears it (the shopper then starts as a new participant).
   */
  studySeeds?: Record<string, string>;
}

export const DEFAULT_SETTINGS: LedgerSettings = {
  paused: false,
  disabledShops: [],
  retentionDays: null,
  persisted: null,
  enrollment: null,
  studySeeds: {},
};

export interface SettingRow<K extends keyof LedgerSettings = keyof LedgerSettings> {
  key: K;
  value: LedgerSettings[K];
}

export type LedgerDb = Dexie & {
  events: EntityTable<LedgerEvent, 'id'>;
  products: EntityTable<SeenProduct, 'url'>;
  actions: EntityTable<LoggedAction, 'id'>;
  badges: EntityTable<EarnedBadgeRow, 'id'>;
  photos: EntityTable<PhotoProof, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  /** One summary per local day with events, kept in step with the events table (see record.ts). */
  days: EntityTable<DaySummary, 'day'>;
  /** Which view of each product counts in each week's footprint, so a write need not read the week. */
  weekViews: EntityTable<WeekView, 'key'>;
};

/** The products row after one more view of `product` at `at` (whatever order views arrive in). */
export function withView(
  seen: SeenProduct | undefined,
  product: ProductSummary,
  at: string,
  shopHost: string | null,
): SeenProduct {
  return {
    url: product.url,
    shopHost: shopHost ?? new URL(product.url).host,
    title: product.title,
    category: product.category,
    kgCO2e: product.kgCO2e,
    firstSeenAt: seen && seen.firstSeenAt < at ? seen.firstSeenAt : at,
    lastSeenAt: seen && seen.lastSeenAt > at ? seen.lastSeenAt : at,
    views: (seen?.views ?? 0) + 1,
  };
}

/** Version 1 (first release): a product view held the whole product and a separate estimate. */
interface V1ProductViewed {
  id: string;
  type: 'product-viewed';
  at: string;
  timeZone: string;
  schemaVersion: number;
  shopHost: string;
  data: {
    product: { title: string; url: string; price: ProductSummary['price']; brand: string | null };
    estimate: { kgCO2e: number; low: number; high: number; category: string; method: string } | null;
  };
}

/** The version-1 schema, kept so tests can create a database as the first release left it. */
export const V1_STORES = { events: 'id, type, at, shopHost' };

async function upgradeToV2(tx: Transaction): Promise<void> {
  const products = new Map<string, SeenProduct>();
  await tx
    .table('events')
    .toCollection()
    .modify((old: V1ProductViewed | LedgerEvent) => {
      if (old.type !== 'product-viewed' || !('estimate' in old.data)) return;
      const { product, estimate } = (old as V1ProductViewed).data;
      const summary: ProductSummary = {
        title: product.title,
        url: product.url,
        price: product.price ?? null,
        brand: product.brand ?? null,
        category: estimate?.category ?? null,
        kgCO2e: estimate?.kgCO2e ?? null,
        low: estimate?.low ?? null,
        high: estimate?.high ?? null,
        method: estimate?.method ?? null,
      };
      const next = old as unknown as LedgerEvent;
      next.data = { product: summary } as LedgerEvent['data'];
      next.schemaVersion = EVENT_SCHEMA_VERSION;
      next.study = null;
      products.set(summary.url, withView(products.get(summary.url), summary, old.at, old.shopHost));
    });
  await tx.table('products').bulkPut([...products.values()]);
}

/** The version-2 schema, kept so tests can create a database as that release left it. */
export const V2_STORES = {
  events: 'id, type, at, shopHost, [type+at]',
  products: 'url, shopHost, lastSeenAt, category',
  actions: 'id, actionId, at',
  badges: 'id, earnedAt',
  photos: 'id, createdAt',
  settings: 'key',
};

/**
 * Version 3's events indexes: `[type+at]` answers every query by type (a range over one type), so
 * the `type` and unused `shopHost` indexes go, which makes writing an event cheaper.
 */
export const V3_EVENT_INDEXES = 'id, at, [type+at]';

/** Every event of one type, through the `[type+at]` index. */
export const eventsOfType = <T extends LedgerEvent['type']>(db: LedgerDb, type: T) =>
  db.events.where('[type+at]').between([type, Dexie.minKey], [type, Dexie.maxKey], true, true);

/** Version 3: the daily summaries, built once from every event the ledger holds. */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const { days, views } = summariseDays((await tx.table('events').toArray()) as LedgerEvent[], true);
  await tx.table('days').bulkPut(days);
  await tx.table('weekViews').bulkPut(views);
}

export function openLedger(name = LEDGER_DB_NAME): LedgerDb {
  const db = new Dexie(name) as LedgerDb;
  db.version(1).stores(V1_STORES);
  db.version(2).stores(V2_STORES).upgrade(upgradeToV2);
  db.version(3)
    .stores({ ...V2_STORES, events: V3_EVENT_INDEXES, days: 'day', weekViews: 'key, week' })
    .upgrade(upgradeToV3);
  return db;
}

export async function readSettings(db: LedgerDb): Promise<LedgerSettings> {
  const rows = await db.settings.toArray();
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) settings[row.key] = row.value;
  return settings as unknown as LedgerSettings;
}

export async function writeSettings(db: LedgerDb, changes: Partial<LedgerSettings>): Promise<LedgerSettings> {
  const rows = Object.entries(changes)
    .filter(([key]) => key in DEFAULT_SETTINGS)
    .map(([key, value]) => ({ key, value }) as SettingRow);
  await db.settings.bulkPut(rows);
  return readSettings(db);
}

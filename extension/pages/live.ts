// Live views of the ledger for Preact components: Dexie's liveQuery re-runs a query whenever a
// table it read changes (in this page, another page or the background), so every figure on
// screen follows the ledger without reloading.

import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { localDay, localIsoTimestamp } from '../../shared/events.ts';
import { summaryFromDays } from '../../shared/ledger/days.ts';
import type { LedgerSummary } from '../../shared/ledger/summary.ts';
import { type LedgerDb, type LedgerSettings, openLedger, readSettings } from '../ledger/db.ts';

let db: LedgerDb | undefined;
/** The page's one connection to the ledger (opened on first use, not at import). */
export const pageLedger = (): LedgerDb => {
  db ??= openLedger();
  return db;
};

/** The latest result of `query`, undefined until the first one arrives. */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // The caller names what the query depends on, as with useEffect.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue(() => next),
      error: (error: unknown) => console.error('carbon-ledger: live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

/** Today in the shopper's calendar, YYYY-MM-DD. */
export const today = (): string => localDay(localIsoTimestamp());

const SUMMARY_KEY = 'carbon-ledger:summary';

/**
 * Forgets the summary earlier versions cached in localStorage (it names the latest choices'
 * products and shops): "delete everything" leaves no copy of the ledger behind, not even this one.
 */
export const forgetCachedSummary = (): void => {
  try {
    localStorage.removeItem(SUMMARY_KEY);
  } catch {
    // No localStorage (a worker, a test): nothing cached.
  }
};

/**
 * The ledger's summary, live, from its daily summaries (one small row per day, kept up to date as
 * events are written): a page never reads the event log for its figures. `updating` is kept for
 * callers; the summary is never older than the rows it was made from.
 */
export function useLedgerSummary(ledger: LedgerDb): { summary: LedgerSummary | undefined; updating: boolean } {
  const summary = useLiveQuery(async () => {
    const days = await ledger.days.toArray();
    const products = await ledger.products.count();
    performance.mark('carbon-ledger:days-read');
    return summaryFromDays(days, today(), products);
  }, [ledger]);
  return { summary, updating: false };
}

export const useSettings = (ledger: LedgerDb): LedgerSettings | undefined =>
  useLiveQuery(() => readSettings(ledger), [ledger]);

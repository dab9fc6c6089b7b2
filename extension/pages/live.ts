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
 * Forgets the summary kept in localStorage (it names the latest choices' products and shops):
 * "delete everything" leaves no copy of the ledger behind, not even this one.
 */
export const forgetCachedSummary = (): void => {
  try {
    localStorage.removeItem(SUMMARY_KEY);
  } catch {
    // No localStorage (a worker, a test): nothing kept.
  }
};

// The last summary shown (pages only; the background never needs it), or null.
const readKeptSummary = (): LedgerSummary | null => {
  try {
    return JSON.parse(localStorage.getItem(SUMMARY_KEY) ?? 'null') as LedgerSummary | null;
  } catch {
    return null;
  }
};

/**
 * The ledger's summary, live, from its daily summaries (one small row per day, kept up to date as
 * events are written): a page never reads the event log for its figures. The summary the last
 * page showed (kept in localStorage) is shown until the first one from the day rows arrives, a
 * few hundred milliseconds later; `updating` is true meanwhile.
 */
export function useLedgerSummary(ledger: LedgerDb): { summary: LedgerSummary | undefined; updating: boolean } {
  const [kept] = useState(() => {
    const summary = readKeptSummary();
    // A summary made on another day has the wrong streak: not shown.
    return summary?.today === today() ? summary : undefined;
  });
  const live = useLiveQuery(async () => {
    const days = await ledger.days.toArray();
    const products = await ledger.products.count();
    performance.mark('carbon-ledger:days-read');
    return summaryFromDays(days, today(), products);
  }, [ledger]);
  useEffect(() => {
    if (!live) return;
    try {
      localStorage.setItem(SUMMARY_KEY, JSON.stringify(live));
    } catch {
      // A full localStorage only costs the next page a few hundred milliseconds.
    }
  }, [live]);
  return { summary: live ?? kept, updating: live === undefined && kept !== undefined };
}

export const useSettings = (ledger: LedgerDb): LedgerSettings | undefined =>
  useLiveQuery(() => readSettings(ledger), [ledger]);

// Live views of the ledger for Preact components: Dexie's liveQuery re-runs a query whenever a
// table it read changes (in this page, another page or the background), so every figure on
// screen follows the ledger without reloading.

import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type LedgerEvent, localDay, localIsoTimestamp } from '../../shared/events.ts';
import { type LedgerProgress, ledgerProgress } from '../../shared/ledger/progress.ts';
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

export interface LedgerView {
  /** Oldest first. */
  events: readonly LedgerEvent[];
  progress: LedgerProgress;
  today: string;
}

/** Every event and the totals computed from them; undefined while the ledger is being read. */
export function useLedger(ledger: LedgerDb): LedgerView | undefined {
  // In time order from the index: the sorts in ledgerProgress and the history then find the
  // work already done, which matters at 100,000 events.
  const events = useLiveQuery(() => ledger.events.orderBy('at').toArray(), [ledger]);
  return useMemo(() => {
    if (!events) return undefined;
    const day = today();
    return { events, progress: ledgerProgress(events, day), today: day };
  }, [events]);
}

export const useSettings = (ledger: LedgerDb): LedgerSettings | undefined =>
  useLiveQuery(() => readSettings(ledger), [ledger]);

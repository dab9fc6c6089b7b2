// Live views of the ledger for Preact components: Dexie's liveQuery re-runs a query whenever a
// table it read changes (in this page, another page or the background), so every figure on
// screen follows the ledger without reloading.

import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { localDay, localIsoTimestamp } from '../../shared/events.ts';
import { type LedgerSummary, ledgerStamp, summariseLedger } from '../../shared/ledger/summary.ts';
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

interface CachedSummary {
  stamp: string;
  summary: LedgerSummary;
}

/**
 * Forgets the cached summary (it names the latest choices' products and shops): "delete
 * everything" leaves no copy of the ledger behind, not even this one.
 */
export const forgetCachedSummary = (): void => {
  try {
    localStorage.removeItem(SUMMARY_KEY);
  } catch {
    // No localStorage (a worker, a test): nothing cached.
  }
};

// The last summary, in this origin's localStorage (pages only; the background never needs it).
const readCachedSummary = (): CachedSummary | null => {
  try {
    return JSON.parse(localStorage.getItem(SUMMARY_KEY) ?? 'null') as CachedSummary | null;
  } catch {
    return null;
  }
};

/**
 * The ledger's summary, live. The last one computed (by this page or another) is shown at once;
 * the whole log is read and summarised again only when the ledger's stamp or the day changed.
 */
export function useLedgerSummary(ledger: LedgerDb): { summary: LedgerSummary | undefined; updating: boolean } {
  const [kept] = useState(readCachedSummary);
  const [summary, setSummary] = useState<LedgerSummary | undefined>(kept?.summary);
  const [updating, setUpdating] = useState(false);
  // The stamp of the summary on screen, so a summary still valid is not drawn twice.
  const shownStamp = useRef(kept?.stamp);
  const stamp = useLiveQuery(
    async () => ledgerStamp(await ledger.events.count(), await ledger.events.orderBy('at').last()),
    [ledger],
  );
  useEffect(() => {
    if (stamp === undefined) return;
    const day = today();
    const cached = readCachedSummary();
    if (cached?.stamp === stamp && cached.summary.today === day) {
      if (shownStamp.current !== stamp) setSummary(cached.summary);
      shownStamp.current = stamp;
      return;
    }
    let cancelled = false;
    setUpdating(true);
    ledger.events
      .orderBy('at')
      .toArray()
      .then((events) => {
        if (cancelled) return;
        performance.mark('carbon-ledger:events-read');
        const fresh = summariseLedger(events, day);
        setSummary(fresh);
        setUpdating(false);
        shownStamp.current = stamp;
        try {
          localStorage.setItem(SUMMARY_KEY, JSON.stringify({ stamp, summary: fresh } satisfies CachedSummary));
        } catch {
          // A full localStorage only costs the next page a full read.
        }
      })
      .catch((error: unknown) => console.error('carbon-ledger: reading the ledger failed', error));
    return () => {
      cancelled = true;
    };
  }, [ledger, stamp]);
  return { summary, updating };
}

export const useSettings = (ledger: LedgerDb): LedgerSettings | undefined =>
  useLiveQuery(() => readSettings(ledger), [ledger]);

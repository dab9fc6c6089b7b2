// Everything the popup's and dashboard's figures and charts need, computed from the event log in
// one place and small enough to keep as JSON: the pages show the last summary at once and
// recompute it only when the ledger has changed, so opening them does not wait on reading
// 100,000 events.

import type { ChoiceMadeEvent, LedgerEvent } from '../events.ts';
import { type ChoiceBreakdown, choicesByCategory, choicesByShop, recentChoices } from './breakdowns.ts';
import { type LedgerProgress, ledgerProgress } from './progress.ts';

export interface LedgerSummary {
  /** The shopper's local day the summary was made for (streaks depend on it). */
  today: string;
  progress: LedgerProgress;
  byCategory: ChoiceBreakdown[];
  byShop: ChoiceBreakdown[];
  /** The latest choices, newest first. */
  recentChoices: ChoiceMadeEvent[];
}

export function summariseLedger(events: readonly LedgerEvent[], today: string): LedgerSummary {
  return {
    today,
    progress: ledgerProgress(events, today),
    byCategory: choicesByCategory(events),
    byShop: choicesByShop(events),
    recentChoices: recentChoices(events, 5),
  };
}

/**
 * What identifies the state of the ledger cheaply: how many events, and the latest one. Any
 * logging, import, retention or deletion changes it.
 */
export const ledgerStamp = (count: number, latest: Pick<LedgerEvent, 'id' | 'at'> | undefined): string =>
  `${count}|${latest?.at ?? ''}|${latest?.id ?? ''}`;

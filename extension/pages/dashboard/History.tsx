// The searchable history: every event, newest first, filtered by words and by kind.

import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type Choice, EVENT_TYPES, type EventType, type LedgerEvent } from '../../../shared/events.ts';
import { type HistoryEntry, historyEntry, searchHistory } from '../../../shared/ledger/breakdowns.ts';
import { atText, countText, kgWithUnit } from '../../format.ts';
import type { LedgerDb } from '../../ledger/db.ts';
import { actionTitle } from '../catalogue.ts';
import { useLiveQuery } from '../live.ts';

const PAGE = 100;

export const KIND_KEYS = {
  'product-viewed': 'dashboard.kindProductViewed',
  'alternatives-shown': 'dashboard.kindAlternativesShown',
  'alternative-opened': 'dashboard.kindAlternativeOpened',
  'choice-made': 'dashboard.kindChoiceMade',
  'action-logged': 'dashboard.kindActionLogged',
  'purchase-marked': 'dashboard.kindPurchaseMarked',
} as const satisfies Record<EventType, string>;
const CHOICE_KEYS = {
  greener: 'dashboard.choiceGreener',
  kept: 'dashboard.choiceKept',
  dismissed: 'dashboard.choiceDismissed',
} as const satisfies Record<Choice, string>;

/** The kind of an entry in the shopper's words, with the choice for a choice. */
const kindLabel = (type: EventType, choice: Choice | null): string =>
  choice ? `${i18n.t(KIND_KEYS[type])}: ${i18n.t(CHOICE_KEYS[choice])}` : i18n.t(KIND_KEYS[type]);

const toEntries = (events: readonly LedgerEvent[]): HistoryEntry[] => events.map((e) => historyEntry(e, actionTitle));

export function History({ db, totalEvents }: { db: LedgerDb; totalEvents: number }) {
  const [text, setText] = useState('');
  const [type, setType] = useState<EventType | ''>('');
  const searching = text.trim() !== '' || type !== '';
  // The latest page comes straight from the index; the whole log is read only for a search.
  const latest = useLiveQuery(() => db.events.orderBy('at').reverse().limit(PAGE).toArray(), [db]);
  const everything = useLiveQuery(
    async (): Promise<LedgerEvent[] | null> => (searching ? db.events.orderBy('at').reverse().toArray() : null),
    [db, searching],
  );
  const allEntries = useMemo(() => (everything ? toEntries(everything) : null), [everything]);
  const found = useMemo(() => {
    if (!searching) return { entries: toEntries(latest ?? []), total: totalEvents };
    if (!allEntries) return null;
    return searchHistory(allEntries, { text, type: type || null, limit: PAGE });
  }, [searching, latest, totalEvents, allEntries, text, type]);
  return (
    <section id="history" aria-labelledby="history-title">
      <h2 id="history-title">{i18n.t('dashboard.history')}</h2>
      <div class="row">
        <label for="history-search">{i18n.t('dashboard.search')}</label>
        <input
          id="history-search"
          type="search"
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          placeholder={i18n.t('dashboard.searchPlaceholder')}
        />
        <label for="history-type">{i18n.t('dashboard.kind')}</label>
        <select
          id="history-type"
          value={type}
          onChange={(e) => setType((e.target as HTMLSelectElement).value as EventType | '')}
        >
          <option value="">{i18n.t('dashboard.allKinds')}</option>
          {EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {i18n.t(KIND_KEYS[t])}
            </option>
          ))}
        </select>
      </div>
      <p class="muted" aria-live="polite" data-history-total={found?.total}>
        {found
          ? i18n.t('dashboard.showing', [countText(found.entries.length), countText(found.total)])
          : i18n.t('dashboard.searching')}
      </p>
      <table class="history">
        <thead>
          <tr>
            <th scope="col">{i18n.t('dashboard.when')}</th>
            <th scope="col">{i18n.t('dashboard.kind')}</th>
            <th scope="col">{i18n.t('dashboard.what')}</th>
            <th scope="col">{i18n.t('dashboard.shop')}</th>
            <th scope="col">{i18n.t('dashboard.footprint')}</th>
            <th scope="col">{i18n.t('dashboard.avoidedColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {found?.entries.map((entry) => (
            <tr key={entry.id}>
              <td>{atText(entry.at)}</td>
              <td>{kindLabel(entry.type, entry.choice)}</td>
              <td>
                {entry.url ? (
                  <a href={entry.url} target="_blank" rel="noreferrer">
                    {entry.title}
                  </a>
                ) : (
                  entry.title
                )}
              </td>
              <td>{entry.shopHost ?? ''}</td>
              <td>{entry.kgCO2e === null ? '' : kgWithUnit(entry.kgCO2e)}</td>
              <td>{entry.avoidedKgCO2e > 0 ? kgWithUnit(entry.avoidedKgCO2e) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

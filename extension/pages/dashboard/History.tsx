// The searchable history: every event, newest first, filtered by words and by kind.

import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { EVENT_TYPES, type EventType, type LedgerEvent } from '../../../shared/events.ts';
import { type HistoryEntry, historyEntry, searchHistory } from '../../../shared/ledger/breakdowns.ts';
import { actionTitle } from '../catalogue.ts';
import { formatAt, formatCount, formatKg } from '../format.ts';

const PAGE = 100;

export function History({ events }: { events: readonly LedgerEvent[] }) {
  const [text, setText] = useState('');
  const [type, setType] = useState<EventType | ''>('');
  // Newest first, as shown: the search's own sort then has nothing to do.
  const entries = useMemo(() => {
    const list: HistoryEntry[] = [];
    for (let i = events.length - 1; i >= 0; i--) list.push(historyEntry(events[i]!, actionTitle));
    return list;
  }, [events]);
  const found = useMemo(() => searchHistory(entries, { text, type: type || null, limit: PAGE }), [entries, text, type]);
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
              {t}
            </option>
          ))}
        </select>
      </div>
      <p class="muted" aria-live="polite" data-history-total={found.total}>
        {i18n.t('dashboard.showing', [formatCount(found.entries.length), formatCount(found.total)])}
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
          {found.entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatAt(entry.at)}</td>
              <td>
                {entry.type}
                {entry.choice ? ` (${entry.choice})` : ''}
              </td>
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
              <td>{entry.kgCO2e === null ? '' : formatKg(entry.kgCO2e)}</td>
              <td>{entry.avoidedKgCO2e > 0 ? formatKg(entry.avoidedKgCO2e) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// The popup: this week at a glance, the last few choices and today's suggested actions, each
// logged with one click.

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { LedgerEvent } from '../../../shared/events.ts';
import { weekSummary } from '../../../shared/ledger/breakdowns.ts';
import { isPledge } from '../../../shared/ledger/crediting.ts';
import { suggestedActions, weekOf } from '../../../shared/ledger/progress.ts';
import { byCount, countText, gramsText, kgWithUnit } from '../../format.ts';
import type { LedgerDb } from '../../ledger/db.ts';
import { logEverydayAction } from '../actions.ts';
import type { ActionEntry } from '../catalogue.ts';
import { today as todayNow, useLedgerSummary, useLiveQuery } from '../live.ts';

/** A day a little over a week ago, as the start of an index range over `at`. */
const weekAgoIso = (): string => new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10);

export function Popup({
  db,
  catalogue,
  site,
}: {
  db: LedgerDb;
  catalogue: readonly ActionEntry[];
  /** What the popup says about the current page's site access (SiteSwitch), shown first. */
  site?: ComponentChildren;
}) {
  const { summary } = useLedgerSummary(db);
  // Suggestions only need this week's everyday actions, read from the index without the whole log.
  const weekAgo = weekAgoIso();
  const recentActions = useLiveQuery(
    () => db.events.where('[type+at]').between(['action-logged', weekAgo], ['action-logged', '\uffff']).toArray(),
    [db, weekAgo],
  );
  const [logged, setLogged] = useState<string | null>(null);
  useEffect(() => {
    if (!summary) return;
    const root = document.documentElement;
    if (!root.dataset.ready) root.dataset.readyMs = String(performance.now());
    root.dataset.ready = 'true';
  }, [summary]);
  if (!summary) return <p class="muted">{i18n.t('popup.loading')}</p>;
  const { progress } = summary;
  const today = todayNow();
  const week = weekSummary(progress.weeks, weekOf(today));
  const choices = summary.recentChoices.slice(0, 3);
  const suggestions = suggestedActions(catalogue, (recentActions ?? []) as LedgerEvent[], today);

  const log = async (action: ActionEntry) => {
    const result = await logEverydayAction(db, action);
    setLogged(
      result.logged
        ? i18n.t('popup.actionLogged', [action.title])
        : result.reason === 'paused'
          ? i18n.t('popup.loggingPaused')
          : result.reason === 'already-today'
            ? i18n.t('popup.actionAlreadyToday', [action.title])
            : i18n.t('popup.actionFailed'),
    );
  };

  return (
    <main class="popup">
      {site}
      <h1>{i18n.t('popup.thisWeek')}</h1>
      <dl class="figures" data-figures="week">
        <div>
          <dt>{i18n.t('popup.viewedFootprint')}</dt>
          <dd data-figure="viewed-kg">{kgWithUnit(week.viewedKgCO2e)}</dd>
        </div>
        <div>
          <dt>{i18n.t('popup.avoided')}</dt>
          <dd data-figure="avoided-kg">{kgWithUnit(week.avoidedKgCO2e)}</dd>
        </div>
        <div>
          <dt>{i18n.t('popup.points')}</dt>
          <dd data-figure="points">{countText(progress.points)}</dd>
        </div>
        <div>
          <dt>{i18n.t('popup.streak')}</dt>
          <dd data-figure="streak">
            {byCount(
              progress.currentStreakDays,
              i18n.t('popup.daysOne', [countText(progress.currentStreakDays)]),
              i18n.t('popup.days', [countText(progress.currentStreakDays)]),
            )}
          </dd>
        </div>
      </dl>

      <h2>{i18n.t('popup.lastChoices')}</h2>
      {choices.length ? (
        <ul class="plain" data-list="choices">
          {choices.map((c) => (
            <li key={c.id}>
              <span class="title">{c.data.product.title}</span>{' '}
              {isPledge(c) ? (
                <span class="tag tag-pledged">{i18n.t('popup.choice_pledged')}</span>
              ) : (
                <span class={`tag tag-${c.data.choice}`}>{i18n.t(`popup.choice_${c.data.choice}`)}</span>
              )}
              {c.data.avoidedKgCO2e > 0 && <span class="muted"> −{kgWithUnit(c.data.avoidedKgCO2e)}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{i18n.t('popup.noChoices')}</p>
      )}

      <h2>{i18n.t('popup.suggested')}</h2>
      <ul class="plain suggestions" data-list="suggestions">
        {suggestions.map((action) => (
          <li key={action.id}>
            <span class="title">{action.title}</span> <span class="muted">{gramsText(action.gramsCO2e)}</span>{' '}
            <button type="button" onClick={() => log(action)} data-action-id={action.id}>
              {i18n.t('popup.logAction')}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class="status">
        {logged}
      </p>

      <button type="button" class="primary" onClick={() => browser.runtime.openOptionsPage()}>
        {i18n.t('popup.openDashboard')}
      </button>
    </main>
  );
}

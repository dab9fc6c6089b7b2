// Every badge, earned or still to earn, with what earns it.

import { i18n } from '#i18n';
import { BADGES, type EarnedBadge } from '../../../shared/ledger/progress.ts';
import { formatAt } from '../format.ts';

export function Badges({ earned }: { earned: readonly EarnedBadge[] }) {
  const earnedAt = new Map(earned.map((b) => [b.id, b.earnedAt]));
  return (
    <section id="badges" aria-labelledby="badges-title">
      <h2 id="badges-title">{i18n.t('dashboard.badges')}</h2>
      <p class="muted">{i18n.t('dashboard.badgesEarned', [String(earnedAt.size), String(BADGES.length)])}</p>
      <ul class="badges">
        {BADGES.map((badge) => {
          const at = earnedAt.get(badge.id);
          return (
            <li
              key={badge.id}
              class={at ? 'badge earned' : 'badge'}
              data-badge={badge.id}
              data-earned={at ? 'true' : 'false'}
            >
              <strong>{badge.title}</strong>
              <span>{badge.rule}</span>
              <span class="muted">
                {at ? i18n.t('dashboard.earnedOn', [formatAt(at, false)]) : i18n.t('dashboard.notYet')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Every badge, earned or still to earn, with what earns it.

import { i18n } from '#i18n';
import { BADGES, type Badge, type EarnedBadge } from '../../../shared/ledger/progress.ts';
import { atText } from '../../format.ts';

// Title and rule of each badge in the shopper's language; a badge added later without texts
// here shows the English title and rule from shared/ledger/progress.ts.
const BADGE_KEYS = {
  'first-greener-choice': ['dashboard.badgeFirstGreenerChoice', 'dashboard.badgeFirstGreenerChoiceRule'],
  'first-action': ['dashboard.badgeFirstAction', 'dashboard.badgeFirstActionRule'],
  'avoided-1kg': ['dashboard.badgeAvoided1kg', 'dashboard.badgeAvoided1kgRule'],
  'avoided-10kg': ['dashboard.badgeAvoided10kg', 'dashboard.badgeAvoided10kgRule'],
  'avoided-100kg': ['dashboard.badgeAvoided100kg', 'dashboard.badgeAvoided100kgRule'],
  'streak-7': ['dashboard.badgeStreak7', 'dashboard.badgeStreak7Rule'],
  'categories-3': ['dashboard.badgeCategories3', 'dashboard.badgeCategories3Rule'],
  'categories-10': ['dashboard.badgeCategories10', 'dashboard.badgeCategories10Rule'],
  'actions-30': ['dashboard.badgeActions30', 'dashboard.badgeActions30Rule'],
  'photo-proof': ['dashboard.badgePhotoProof', 'dashboard.badgePhotoProofRule'],
} as const;

const badgeTexts = (badge: Badge): [string, string] => {
  const keys = BADGE_KEYS[badge.id as keyof typeof BADGE_KEYS];
  return keys ? [i18n.t(keys[0]), i18n.t(keys[1])] : [badge.title, badge.rule];
};

export function Badges({ earned }: { earned: readonly EarnedBadge[] }) {
  const earnedAt = new Map(earned.map((b) => [b.id, b.earnedAt]));
  return (
    <section id="badges" aria-labelledby="badges-title">
      <h2 id="badges-title">{i18n.t('dashboard.badges')}</h2>
      <p class="muted">{i18n.t('dashboard.badgesEarned', [String(earnedAt.size), String(BADGES.length)])}</p>
      <ul class="badges">
        {BADGES.map((badge) => {
          const at = earnedAt.get(badge.id);
          const [title, rule] = badgeTexts(badge);
          return (
            <li
              key={badge.id}
              class={at ? 'badge earned' : 'badge'}
              data-badge={badge.id}
              data-earned={at ? 'true' : 'false'}
            >
              <strong>{title}</strong>
              <span>{rule}</span>
              <span class="muted">
                {at ? i18n.t('dashboard.earnedOn', [atText(at, false)]) : i18n.t('dashboard.notYet')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

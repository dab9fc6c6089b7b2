// Privacy settings: pause logging, switch shops off, delete old entries automatically.

import { i18n } from '#i18n';
import { byCount } from '../../format.ts';
import type { LedgerDb, LedgerSettings } from '../../ledger/db.ts';
import { writeSettings } from '../../ledger/db.ts';
import { applyRetention } from '../../ledger/record.ts';
import { useLiveQuery, useSettings } from '../live.ts';

const RETENTION_CHOICES = [null, 30, 90, 365] as const;

export function PrivacySection({ db }: { db: LedgerDb }) {
  const settings = useSettings(db);
  const shops = useLiveQuery(async () => (await db.products.orderBy('shopHost').uniqueKeys()) as string[], [db]);
  if (!settings) return null;
  const change = (changes: Partial<LedgerSettings>) =>
    writeSettings(db, changes).catch((error: unknown) => console.error('carbon-ledger: settings not saved', error));
  const toggleShop = (host: string, off: boolean) =>
    change({
      disabledShops: off
        ? [...new Set([...settings.disabledShops, host])]
        : settings.disabledShops.filter((h) => h !== host),
    });
  const knownShops = [...new Set([...(shops ?? []), ...settings.disabledShops])].sort();
  return (
    <section id="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{i18n.t('dashboard.privacy')}</h2>
      <p class="muted">{i18n.t('dashboard.privacyIntro')}</p>
      <label class="check">
        <input
          id="pause-logging"
          type="checkbox"
          checked={settings.paused}
          onChange={(e) => change({ paused: (e.target as HTMLInputElement).checked })}
        />
        {i18n.t('dashboard.pause')}
      </label>
      <div class="row">
        <label for="retention">{i18n.t('dashboard.retention')}</label>
        <select
          id="retention"
          value={String(settings.retentionDays ?? '')}
          onChange={(e) => {
            const value = (e.target as HTMLSelectElement).value;
            // Applied at once: what the shopper just asked to forget goes now, not when the
            // background next wakes.
            writeSettings(db, { retentionDays: value ? Number(value) : null })
              .then((next) => applyRetention(db, next))
              .catch((error: unknown) => console.error('carbon-ledger: automatic deletion failed', error));
          }}
        >
          {RETENTION_CHOICES.map((days) => (
            <option key={String(days)} value={days === null ? '' : String(days)}>
              {days === null
                ? i18n.t('dashboard.keepEverything')
                : byCount(
                    days,
                    i18n.t('dashboard.keepDaysOne', [String(days)]),
                    i18n.t('dashboard.keepDays', [String(days)]),
                  )}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{i18n.t('dashboard.shopsOff')}</legend>
        {knownShops.length ? (
          knownShops.map((host) => (
            <label class="check" key={host}>
              <input
                type="checkbox"
                checked={settings.disabledShops.includes(host)}
                onChange={(e) => toggleShop(host, (e.target as HTMLInputElement).checked)}
              />
              {host}
            </label>
          ))
        ) : (
          <p class="muted">{i18n.t('dashboard.noShops')}</p>
        )}
      </fieldset>
      <p class="muted" data-persisted={String(settings.persisted)}>
        {settings.persisted === true
          ? i18n.t('dashboard.persisted')
          : settings.persisted === false
            ? i18n.t('dashboard.notPersisted')
            : i18n.t('dashboard.persistUnknown')}
      </p>
    </section>
  );
}

// Where Carbon Ledger shows footprints: the built-in shops, the sites the shopper switched on
// (each with remove) and "on every shop" (one request for every https site, and a way back).
// Every change goes through the browser's own permissions, from a click on this page.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { DEMO_SHOP_HOST } from '../../../shared/sites/hosts.ts';
import {
  type AccessApis,
  builtInFamilies,
  builtInGranted,
  builtInPatterns,
  EVERY_SHOP,
  type SwitchedOn,
  switchedOnSites,
  switchOff,
  switchOn,
} from '../site-access.ts';

export function SitesSection({ apis }: { apis: AccessApis }) {
  const [sites, setSites] = useState<SwitchedOn | null>(null);
  const [builtInOn, setBuiltInOn] = useState(true);
  const [status, setStatus] = useState('');
  const refresh = useCallback(() => {
    Promise.all([switchedOnSites(apis), builtInGranted(apis)]).then(
      ([list, granted]) => {
        setSites(list);
        setBuiltInOn(granted);
      },
      (error: unknown) => console.error('carbon-ledger: could not read site access', error),
    );
  }, [apis]);
  useEffect(() => {
    refresh();
    // The shopper may also change it in the browser's own settings, or from the popup.
    const onChange = () => refresh();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [refresh]);

  // Each request is made first thing in the click handler: Firefox asks only while it handles the click.
  const change = (request: Promise<boolean>, done: string, refused: string) => {
    request.then(
      (granted) => {
        setStatus(granted ? done : refused);
        refresh();
      },
      (error: unknown) => {
        console.error('carbon-ledger: site access change failed', error);
        setStatus(i18n.t('dashboard.sitesFailed'));
      },
    );
  };
  const families = builtInFamilies(apis.manifest).filter((name) => name !== DEMO_SHOP_HOST.split('.')[0]);
  const everySiteBuiltIn = families.includes('*');

  return (
    <section id="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{i18n.t('dashboard.sites')}</h2>
      <p class="muted">{i18n.t('dashboard.sitesIntro')}</p>
      <h3>{i18n.t('dashboard.sitesBuiltIn')}</h3>
      <p data-built-in={builtInOn ? 'on' : 'off'}>
        {everySiteBuiltIn
          ? i18n.t('dashboard.sitesBuiltInAll')
          : i18n.t('dashboard.sitesBuiltInList', [families.join(', ')])}
      </p>
      {!builtInOn && (
        <p>
          {i18n.t('dashboard.sitesBuiltInOff')}{' '}
          <button
            type="button"
            data-built-in-on
            onClick={() =>
              change(
                switchOn(builtInPatterns(apis.manifest), apis),
                i18n.t('dashboard.sitesBuiltInBack'),
                i18n.t('dashboard.sitesRefused'),
              )
            }
          >
            {i18n.t('dashboard.sitesBuiltInSwitchOn')}
          </button>
        </p>
      )}
      <h3>{i18n.t('dashboard.sitesYours')}</h3>
      {sites?.sites.length ? (
        <ul class="plain" data-list="sites">
          {sites.sites.map(({ host, pattern }) => (
            <li key={pattern} data-site={host}>
              <span class="title">{host}</span>{' '}
              <button
                type="button"
                data-remove-site={host}
                onClick={() =>
                  change(
                    switchOff(pattern, apis),
                    i18n.t('dashboard.siteRemoved', [host]),
                    i18n.t('dashboard.sitesFailed'),
                  )
                }
              >
                {i18n.t('dashboard.siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" data-list="sites">
          {i18n.t('dashboard.sitesNone')}
        </p>
      )}
      <h3>{i18n.t('dashboard.everyShop')}</h3>
      {sites?.everyShop ? (
        <p data-every-shop="on">
          {i18n.t('dashboard.everyShopOn')}{' '}
          <button
            type="button"
            data-every-shop-off
            onClick={() =>
              change(switchOff(EVERY_SHOP, apis), i18n.t('dashboard.everyShopWasOff'), i18n.t('dashboard.sitesFailed'))
            }
          >
            {i18n.t('dashboard.everyShopTurnOff')}
          </button>
        </p>
      ) : (
        <p data-every-shop="off">
          {i18n.t('dashboard.everyShopOff')}{' '}
          <button
            type="button"
            data-every-shop-on
            onClick={() =>
              change(switchOn(EVERY_SHOP, apis), i18n.t('dashboard.everyShopWasOn'), i18n.t('dashboard.sitesRefused'))
            }
          >
            {i18n.t('dashboard.everyShopTurnOn')}
          </button>
        </p>
      )}
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}

// The top of the popup: on a shop Carbon Ledger cannot read yet, "Show footprints on <host>"
// (asks the browser for that site only) and "Just this once" (activeTab: the content script runs
// once in this tab, nothing is kept). Where access already exists it only says so.

import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type AccessApis, lookOnce, type PageAccess, pageAccess, switchOn } from '../site-access.ts';

/** The page the popup is about: the active tab of its window (activeTab shows us its address). */
export interface TargetPage {
  tabId?: number;
  url?: string;
}

/**
 * The popup opened from the toolbar is about the active tab. Opened as a page with `?page=<url>`
 * (how the end-to-end tests reach it; shop pages cannot open our pages), it is about that address,
 * without a tab to look into once.
 */
export async function targetPage(search: string = location.search): Promise<TargetPage> {
  const requested = new URLSearchParams(search).get('page');
  if (requested) return { url: requested };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id, url: tab?.url };
}

type Outcome = 'on' | 'refused' | 'looked' | 'failed' | null;

export function SiteSwitch({ apis, target }: { apis: AccessApis; target: Promise<TargetPage> }) {
  const [page, setPage] = useState<TargetPage | null>(null);
  const [access, setAccess] = useState<PageAccess | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    let live = true;
    target
      .then(async (found) => {
        const answer = await pageAccess(found.url, apis);
        if (!live) return;
        setPage(found);
        setAccess(answer);
      })
      .catch((error: unknown) => {
        console.error('carbon-ledger: could not tell which page this is', error);
        if (live) setAccess({ kind: 'none' });
      });
    return () => {
      live = false;
    };
  }, [apis, target]);

  if (!access || access.kind === 'none') return <div data-site-access={access?.kind ?? 'loading'} />;
  if (access.kind !== 'offer' || outcome === 'on') {
    const host = access.host;
    return (
      <p class="site-access muted" data-site-access={outcome === 'on' ? 'switched-on' : access.kind}>
        {outcome === 'on'
          ? i18n.t('popup.siteSwitchedOn', [host])
          : access.kind === 'built-in'
            ? i18n.t('popup.siteBuiltIn', [host])
            : i18n.t('popup.siteOn', [host])}
      </p>
    );
  }
  const { host, pattern } = access;
  const grant = () => {
    // The request first, with nothing awaited before it: it must run while the click is handled.
    // The browser's prompt may close the popup before this promise settles; the background then
    // registers the script and shows the badge in the open tab (permissions.onAdded) all the same.
    switchOn(pattern, apis).then(
      (granted) => setOutcome(granted ? 'on' : 'refused'),
      (error: unknown) => {
        console.error('carbon-ledger: site access request failed', error);
        setOutcome('failed');
      },
    );
  };
  const look = () => {
    if (page?.tabId === undefined) return;
    lookOnce(page.tabId, apis).then(
      () => setOutcome('looked'),
      (error: unknown) => {
        console.error('carbon-ledger: could not look at this page', error);
        setOutcome('failed');
      },
    );
  };
  return (
    <section class="site-access" data-site-access="offer" aria-labelledby="site-access-title">
      <p id="site-access-title">{i18n.t('popup.siteOff', [host])}</p>
      <button type="button" class="primary" data-switch-on={pattern} onClick={grant}>
        {i18n.t('popup.showFootprintsOn', [host])}
      </button>{' '}
      {page?.tabId !== undefined && (
        <button type="button" data-look-once onClick={look}>
          {i18n.t('popup.lookOnce')}
        </button>
      )}
      <p class="muted">{i18n.t('popup.siteAsk')}</p>
      <p role="status" class="status">
        {outcome === 'refused'
          ? i18n.t('popup.siteRefused')
          : outcome === 'looked'
            ? i18n.t('popup.siteLooked')
            : outcome === 'failed'
              ? i18n.t('popup.siteFailed')
              : ''}
      </p>
    </section>
  );
}

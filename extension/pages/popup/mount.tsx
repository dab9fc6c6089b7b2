// Starts the popup in `root`: the ledger opened in this page, the catalogue from one module, and
// what it can offer on the current page's site.

import { render } from 'preact';
import { i18n } from '#i18n';
import { uiLocale } from '../../locale.ts';
import { ACTION_ENTRIES } from '../catalogue.ts';
import { pageLedger } from '../live.ts';
import { browserApis } from '../site-access.ts';
import { Popup } from './Popup.tsx';
import { SiteSwitch, targetPage } from './SiteSwitch.tsx';

export function mountPopup(root: HTMLElement): void {
  document.documentElement.lang = uiLocale();
  document.title = i18n.t('extName');
  const site = <SiteSwitch apis={browserApis()} target={targetPage()} />;
  render(<Popup db={pageLedger()} catalogue={ACTION_ENTRIES} site={site} />, root);
}

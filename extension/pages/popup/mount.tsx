// Starts the popup in `root`: the ledger opened in this page, the catalogue from one module.

import { render } from 'preact';
import { i18n } from '#i18n';
import { ACTIONS } from '../catalogue.ts';
import { pageLedger } from '../live.ts';
import { Popup } from './Popup.tsx';

export function mountPopup(root: HTMLElement): void {
  document.documentElement.lang = i18n.t('@@ui_locale').replace('_', '-');
  document.title = i18n.t('extName');
  render(<Popup db={pageLedger()} catalogue={ACTIONS} />, root);
}

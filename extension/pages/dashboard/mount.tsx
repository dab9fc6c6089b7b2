// Starts the dashboard in `root`, asks the browser to keep the ledger's storage (a page, unlike
// the background, may ask; the answer is shown under privacy settings) and applies automatic
// deletion: the background does it when it wakes, which an active shopper's may not for hours.

import { render } from 'preact';
import { i18n } from '#i18n';
import { ledgerHousekeeping } from '../../ledger/storage.ts';
import { uiLocale } from '../../locale.ts';
import { ACTION_ENTRIES, FACTOR_TABLES } from '../catalogue.ts';
import { pageLedger } from '../live.ts';
import { browserApis } from '../site-access.ts';
import { Dashboard } from './Dashboard.tsx';

export function mountDashboard(root: HTMLElement): void {
  document.documentElement.lang = uiLocale();
  document.title = i18n.t('dashboard.title');
  performance.mark('carbon-ledger:script-started');
  const db = pageLedger();
  render(<Dashboard db={db} catalogue={ACTION_ENTRIES} factorTables={FACTOR_TABLES} access={browserApis()} />, root);
  ledgerHousekeeping(db).catch((error: unknown) => console.error('carbon-ledger: housekeeping failed', error));
}

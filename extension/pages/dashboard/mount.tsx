// Starts the dashboard in `root`, and asks the browser to keep the ledger's storage (a page,
// unlike the background, may ask; the answer is shown under privacy settings).

import { render } from 'preact';
import { i18n } from '#i18n';
import { requestPersistentStorage } from '../../ledger/storage.ts';
import { ACTIONS, FACTOR_TABLES } from '../catalogue.ts';
import { pageLedger } from '../live.ts';
import { Dashboard } from './Dashboard.tsx';

export function mountDashboard(root: HTMLElement): void {
  document.documentElement.lang = i18n.t('@@ui_locale').replace('_', '-');
  document.title = i18n.t('dashboard.title');
  performance.mark('carbon-ledger:script-started');
  const db = pageLedger();
  render(<Dashboard db={db} catalogue={ACTIONS} factorTables={FACTOR_TABLES} />, root);
  requestPersistentStorage(db).catch((error: unknown) =>
    console.error('carbon-ledger: persistence request failed', error),
  );
}

// The dashboard (also the options page): figures and charts, badges, everyday actions, history,
// the shopper's data and privacy settings, study enrollment and the methods behind the numbers.

import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import type { LedgerDb } from '../../ledger/db.ts';
import type { ActionEntry, FactorTable } from '../catalogue.ts';
import { useLedgerSummary } from '../live.ts';
import type { AccessApis } from '../site-access.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { Badges } from './Badges.tsx';
import { DataSection } from './DataSection.tsx';
import { History } from './History.tsx';
import { MethodsSection } from './MethodsSection.tsx';
import { Overview } from './Overview.tsx';
import { PrivacySection } from './PrivacySection.tsx';
import { SitesSection } from './SitesSection.tsx';
import { StudySection } from './StudySection.tsx';

const SECTIONS = [
  ['overview', 'dashboard.overview'],
  ['badges', 'dashboard.badges'],
  ['actions', 'dashboard.actions'],
  ['history', 'dashboard.history'],
  ['data', 'dashboard.yourData'],
  ['sites', 'dashboard.sites'],
  ['privacy', 'dashboard.privacy'],
  ['study', 'dashboard.study'],
  ['methods', 'dashboard.methods'],
] as const;

export interface DashboardProps {
  db: LedgerDb;
  catalogue: readonly ActionEntry[];
  factorTables: readonly FactorTable[];
  /** The browser's permissions, for the sites section (absent: the section is not shown). */
  access?: AccessApis;
}

export function Dashboard({ db, catalogue, factorTables, access }: DashboardProps) {
  const { summary, updating } = useLedgerSummary(db);
  useEffect(() => {
    // The first render: every control works from here (logging an action, export, import,
    // settings) while the figures may still be summarised from a large ledger.
    document.documentElement.dataset.interactiveMs = String(performance.now());
  }, []);
  useEffect(() => {
    // Tests and the benchmark wait for this: the first render with the ledger's data is done
    // (child effects, which draw the charts, run before this one).
    if (!summary) return;
    const root = document.documentElement;
    if (!root.dataset.ready) root.dataset.readyMs = String(performance.now());
    root.dataset.ready = 'true';
    root.dataset.events = String(summary.progress.events);
  }, [summary]);

  return (
    <div class="dashboard">
      <header>
        <h1>{i18n.t('dashboard.title')}</h1>
        <p class="muted updating" role="status">
          {updating && summary ? i18n.t('dashboard.updating') : ''}
        </p>
        <nav aria-label={i18n.t('dashboard.sections')}>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{i18n.t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {summary ? (
          <>
            <Overview summary={summary} />
            <Badges earned={summary.progress.badges} />
          </>
        ) : (
          <p class="muted" id="loading">
            {i18n.t('dashboard.loading')}
          </p>
        )}
        <ActionsSection db={db} catalogue={catalogue} />
        {summary && <History db={db} totalEvents={summary.progress.events} />}
        <DataSection db={db} />
        {access && <SitesSection apis={access} />}
        <PrivacySection db={db} />
        <StudySection db={db} />
        <MethodsSection factorTables={factorTables} catalogue={catalogue} />
      </main>
    </div>
  );
}

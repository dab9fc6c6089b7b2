// Moving the ledger in and out: research export (JSON or CSV), import, full backup and restore,
// and deleting everything. A bad file shows the one-line reason and changes nothing (the
// ledger's import functions check the whole file before writing any of it).

import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { researchCsv } from '../../../shared/export/research.ts';
import { byCount, countText } from '../../format.ts';

const exportedText = (n: number): string =>
  byCount(n, i18n.t('dashboard.exportedOne', [countText(n)]), i18n.t('dashboard.exported', [countText(n)]));

import type { LedgerDb } from '../../ledger/db.ts';
import { deleteEverything } from '../../ledger/record.ts';
import {
  backupLedger,
  exportResearch,
  importResearch,
  type RestoreOutcome,
  restoreBackup,
} from '../../ledger/transfer.ts';
import { downloadFile } from '../actions.ts';
import { forgetCachedSummary, today } from '../live.ts';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/** What a restore changed, table by table, and what it kept of writes that came meanwhile. */
function restoredText(outcome: RestoreOutcome): string {
  const parts = [
    i18n.t('dashboard.restored', [
      countText(outcome.events),
      countText(outcome.products),
      countText(outcome.actions),
      countText(outcome.badges),
    ]),
    outcome.photos === null
      ? i18n.t('dashboard.restoredNoPhotos')
      : i18n.t('dashboard.restoredPhotos', [countText(outcome.photos)]),
  ];
  if (outcome.keptEvents > 0)
    parts.push(
      byCount(
        outcome.keptEvents,
        i18n.t('dashboard.restoredKeptOne', [countText(outcome.keptEvents)]),
        i18n.t('dashboard.restoredKept', [countText(outcome.keptEvents)]),
      ),
    );
  if (outcome.keptSettings > 0) {
    parts.push(
      byCount(
        outcome.keptSettings,
        i18n.t('dashboard.restoredKeptSettingsOne', [countText(outcome.keptSettings)]),
        i18n.t('dashboard.restoredKeptSettings', [countText(outcome.keptSettings)]),
      ),
    );
  }
  return parts.join(' ');
}

export function DataSection({ db }: { db: LedgerDb }) {
  const [includePhotos, setIncludePhotos] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const run = async (job: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await job());
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () =>
    run(async () => {
      const file = await exportResearch(db, { includePhotos });
      downloadFile(
        new Blob([JSON.stringify(file)], { type: 'application/json' }),
        `carbon-ledger-export-${today()}.json`,
        document,
      );
      return { ok: true, text: exportedText(file.events.length) };
    });
  const exportCsv = () =>
    run(async () => {
      const events = await db.events.toArray();
      downloadFile(
        new Blob([researchCsv(events)], { type: 'text/csv' }),
        `carbon-ledger-export-${today()}.csv`,
        document,
      );
      return { ok: true, text: exportedText(events.length) };
    });
  const backup = () =>
    run(async () => {
      downloadFile(await backupLedger(db, { includePhotos }), `carbon-ledger-backup-${today()}.json`, document);
      return { ok: true, text: i18n.t('dashboard.backedUp') };
    });
  const importFile = (input: HTMLInputElement, restore: boolean) => {
    const file = input.files?.[0];
    if (!file) return;
    run(async () => {
      input.value = '';
      if (restore) {
        const result = await restoreBackup(db, file);
        return result.ok
          ? { ok: true, text: restoredText(result.value) }
          : { ok: false, text: i18n.t('dashboard.importFailed', [file.name, result.error]) };
      }
      const result = await importResearch(db, await file.text());
      return result.ok
        ? {
            ok: true,
            text: byCount(
              result.value.events,
              i18n.t('dashboard.importedOne', [countText(result.value.events), countText(result.value.added)]),
              i18n.t('dashboard.imported', [countText(result.value.events), countText(result.value.added)]),
            ),
          }
        : { ok: false, text: i18n.t('dashboard.importFailed', [file.name, result.error]) };
    });
  };
  const deleteAll = () =>
    run(async () => {
      setConfirmDelete(false);
      await deleteEverything(db);
      forgetCachedSummary();
      return { ok: true, text: i18n.t('dashboard.deleted') };
    });

  return (
    <section id="data" aria-labelledby="data-title" aria-busy={busy}>
      <h2 id="data-title">{i18n.t('dashboard.yourData')}</h2>
      <p class="muted">{i18n.t('dashboard.dataIntro')}</p>
      <label class="check">
        <input
          id="include-photos"
          type="checkbox"
          checked={includePhotos}
          onChange={(e) => setIncludePhotos((e.target as HTMLInputElement).checked)}
        />
        {i18n.t('dashboard.includePhotos')}
      </label>
      <div class="row">
        <button type="button" id="export-json" onClick={exportJson} disabled={busy}>
          {i18n.t('dashboard.exportJson')}
        </button>
        <button type="button" id="export-csv" onClick={exportCsv} disabled={busy}>
          {i18n.t('dashboard.exportCsv')}
        </button>
        <button type="button" id="backup" onClick={backup} disabled={busy}>
          {i18n.t('dashboard.backup')}
        </button>
      </div>
      <div class="row">
        <label for="import-file">{i18n.t('dashboard.importResearch')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => importFile(e.target as HTMLInputElement, false)}
        />
      </div>
      <div class="row">
        <label for="restore-file">{i18n.t('dashboard.restoreBackup')}</label>
        <input
          id="restore-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => importFile(e.target as HTMLInputElement, true)}
        />
      </div>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'status ok' : 'status error'} id="data-outcome">
          {outcome.text}
        </p>
      )}
      <div class="row danger">
        {confirmDelete ? (
          <>
            <span>{i18n.t('dashboard.deleteConfirm')}</span>
            <button type="button" id="delete-confirm" class="danger" onClick={deleteAll}>
              {i18n.t('dashboard.deleteYes')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {i18n.t('dashboard.cancel')}
            </button>
          </>
        ) : (
          <button type="button" id="delete-everything" class="danger" onClick={() => setConfirmDelete(true)}>
            {i18n.t('dashboard.deleteEverything')}
          </button>
        )}
      </div>
    </section>
  );
}

// Joining and leaving a study, for the dashboard to mount: load or paste a study file (or type
// its code), read the consent, join; then the participant code, an export for the researcher and
// "Leave the study". The arm is not shown unless the study allows it (blinding, docs/research.md).

import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ResearchExport } from '../../../shared/export/research.ts';
import type { BundleField, BundleSummary } from '../../../shared/study/bundle.ts';
import type { Study } from '../../../shared/study/study.ts';
import type { LedgerDb } from '../../ledger/db.ts';
import { currentEnrollment, enroll, forgetStudy, leaveStudy, participantExport } from '../../ledger/study.ts';
import { downloadFile } from '../actions.ts';
import { KIND_KEYS } from '../dashboard/History.tsx';
import { formatAt, formatCount } from '../format.ts';
import { useLiveQuery } from '../live.ts';
import { bundleFileName, enrollmentView, readStudyInput } from './enrollment-flow.ts';

const FIELD_KEYS = {
  time: 'dashboard.fieldTime',
  shop: 'dashboard.fieldShop',
  participant: 'dashboard.fieldParticipant',
  product: 'dashboard.fieldProduct',
  estimate: 'dashboard.fieldEstimate',
  alternatives: 'dashboard.fieldAlternatives',
  actions: 'dashboard.fieldActions',
} as const satisfies Record<BundleField, string>;

/**
 * Exactly what the participant file holds, shown before it is saved: events by kind, the fields
 * kept, what is left out. The file saved is the one summarised (read in the same transaction).
 */
function ExportSummary({
  summary,
  onSave,
  onCancel,
}: {
  summary: BundleSummary;
  onSave: () => void;
  onCancel: () => void;
}) {
  const kept = summary.kept.map((field) => i18n.t(FIELD_KEYS[field]));
  if (summary.events > 0)
    kept.push(i18n.t(summary.reducedUrls ? 'dashboard.fieldReducedUrls' : 'dashboard.fieldFullUrls'));
  const dropped = [i18n.t('dashboard.droppedPhotos')];
  if (summary.reducedUrls) dropped.push(i18n.t('dashboard.droppedUrls'));
  if (summary.otherTypes > 0) dropped.push(i18n.t('dashboard.droppedOtherKinds', [formatCount(summary.otherTypes)]));
  if (summary.notForStudy > 0) dropped.push(i18n.t('dashboard.droppedNotForStudy', [formatCount(summary.notForStudy)]));
  return (
    <section class="cl-export-summary" id="study-export-summary" aria-labelledby="study-export-title">
      <h3 id="study-export-title">{i18n.t('dashboard.studyExportTitle')}</h3>
      <p>
        {summary.events > 0 && summary.first && summary.last
          ? i18n.t('dashboard.studyExportEvents', [
              formatCount(summary.events),
              formatAt(summary.first),
              formatAt(summary.last),
            ])
          : i18n.t('dashboard.studyExportNoEvents')}
      </p>
      {summary.byType.length > 0 && (
        <table>
          <caption>{i18n.t('dashboard.studyExportByKind')}</caption>
          <tbody>
            {summary.byType.map(({ type, count }) => (
              <tr key={type} data-type={type}>
                <th scope="row">{i18n.t(KIND_KEYS[type])}</th>
                <td>{formatCount(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {kept.length > 0 && <p>{i18n.t('dashboard.studyExportKept', [kept.join(', ')])}</p>}
      <p>{i18n.t('dashboard.studyExportDetails')}</p>
      <p>{i18n.t('dashboard.studyExportDropped', [dropped.join(', ')])}</p>
      <p>
        <button type="button" id="study-export-save" onClick={onSave}>
          {i18n.t('dashboard.studyExportSave')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {i18n.t('dashboard.cancel')}
        </button>
      </p>
    </section>
  );
}

export interface StudyEnrollmentProps {
  db: LedgerDb;
  /** Studies built into this copy of the extension, joinable by their code. */
  knownStudies?: readonly Study[];
}

export function StudyEnrollment({ db, knownStudies = [] }: StudyEnrollmentProps) {
  // Live: "Delete everything" elsewhere on the dashboard ends the enrollment.
  const current = useLiveQuery(() => currentEnrollment(db), [db]);
  const [pendingExport, setPendingExport] = useState<{ bundle: ResearchExport; summary: BundleSummary } | null>(null);
  const [input, setInput] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [candidate, setCandidate] = useState<Study | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);

  const check = (text: string) => {
    const read = readStudyInput(text, knownStudies);
    setErrors(read.ok ? [] : read.errors);
    setCandidate(read.ok ? read.study : null);
    setAgreed(false);
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setErrors([(error as Error).message]);
    } finally {
      setBusy(false);
    }
  };

  if (current === undefined) return <section class="cl-study" aria-busy="true" />;
  const view = enrollmentView(current);

  if (view.state !== 'none' && current) {
    return (
      <section class="cl-study" aria-labelledby="cl-study-title">
        <h2 id="cl-study-title">{view.title}</h2>
        <p>
          {view.state === 'left'
            ? `You left this study on ${view.leftAt?.slice(0, 10)}. Nothing is recorded for it any more.`
            : view.recording
              ? 'You are taking part in this study. Your shopping events are recorded for it on this device.'
              : view.notice}
        </p>
        <dl>
          <dt>Your participant code</dt>
          <dd>
            <code>{view.participantId}</code>
          </dd>
          <dt>Study period</dt>
          <dd>
            {view.start} – {view.end}
          </dd>
          {view.arm !== null && (
            <>
              <dt>Your group</dt>
              <dd>{view.arm}</dd>
            </>
          )}
          {view.contact && (
            <>
              <dt>Contact</dt>
              <dd>{view.contact}</dd>
            </>
          )}
        </dl>
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                setPendingExport(await participantExport(db));
              })
            }
          >
            Export for the researcher
          </button>{' '}
          {view.state === 'enrolled' ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                if (confirm('Leave the study? Nothing more will be recorded for it.')) {
                  run(async () => void (await leaveStudy(db)));
                }
              }}
            >
              Leave the study
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => run(() => forgetStudy(db))}>
              Join another study
            </button>
          )}
        </p>
        {pendingExport && (
          <ExportSummary
            summary={pendingExport.summary}
            onCancel={() => setPendingExport(null)}
            onSave={() => {
              const file = new Blob([JSON.stringify(pendingExport.bundle, null, 2)], { type: 'application/json' });
              downloadFile(file, bundleFileName(current), document);
              setPendingExport(null);
            }}
          />
        )}
        {errors.length > 0 && <p role="alert">{errors.join(' ')}</p>}
      </section>
    );
  }

  if (candidate) {
    return (
      <section class="cl-study" aria-labelledby="cl-study-title">
        <h2 id="cl-study-title">{candidate.title}</h2>
        {candidate.contact && <p>Run by {candidate.contact}.</p>}
        <p>
          From {candidate.start} to {candidate.end}.
        </p>
        <h3>Consent</h3>
        <div class="cl-consent" style={{ whiteSpace: 'pre-wrap' }}>
          {candidate.consent}
        </div>
        <label>
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed((e.target as HTMLInputElement).checked)} />{' '}
          I have read this and agree to take part.
        </label>
        <p>
          <button
            type="button"
            disabled={!agreed || busy}
            onClick={() =>
              run(async () => {
                await enroll(db, candidate, { consentAcceptedAt: new Date() });
                setCandidate(null);
              })
            }
          >
            Join the study
          </button>{' '}
          <button type="button" onClick={() => setCandidate(null)}>
            Cancel
          </button>
        </p>
        {errors.length > 0 && <p role="alert">{errors.join(' ')}</p>}
      </section>
    );
  }

  return (
    <section class="cl-study" aria-labelledby="cl-study-title">
      <h2 id="cl-study-title">Take part in a study</h2>
      <p>
        Researchers can ask you to take part in a study of online shopping. Load the study file you were given, paste
        its text, or type its code.
      </p>
      <p>
        <label>
          Study file{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) check(await file.text());
            }}
          />
        </label>
      </p>
      <p>
        <label>
          Study text or code
          <br />
          <textarea
            rows={4}
            cols={60}
            value={input}
            onInput={(e) => setInput((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <br />
        <button type="button" onClick={() => check(input)}>
          Continue
        </button>
      </p>
      {errors.length > 0 && (
        <ul role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

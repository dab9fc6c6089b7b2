// Joining and leaving a study, for the dashboard to mount: load or paste a study file (or type
// its code), read the consent, join; then the participant code, an export for the researcher and
// "Leave the study". The arm is not shown unless the study allows it (blinding, docs/research.md).

import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ResearchExport } from '../../../shared/export/research.ts';
import type { BundleField, BundleSummary } from '../../../shared/study/bundle.ts';
import type { Study } from '../../../shared/study/study.ts';
import { atText, byCount, countText } from '../../format.ts';
import type { LedgerDb } from '../../ledger/db.ts';
import { currentEnrollment, enroll, forgetStudy, leaveStudy, participantExport } from '../../ledger/study.ts';
import { downloadFile } from '../actions.ts';
import { KIND_KEYS } from '../dashboard/History.tsx';
import { useLiveQuery } from '../live.ts';
import { bundleFileName, enrollmentView, readStudyInput, type StudyInput } from './enrollment-flow.ts';

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
  if (summary.otherTypes > 0)
    dropped.push(
      byCount(
        summary.otherTypes,
        i18n.t('dashboard.droppedOtherKindsOne', [countText(summary.otherTypes)]),
        i18n.t('dashboard.droppedOtherKinds', [countText(summary.otherTypes)]),
      ),
    );
  if (summary.notForStudy > 0)
    dropped.push(
      byCount(
        summary.notForStudy,
        i18n.t('dashboard.droppedNotForStudyOne', [countText(summary.notForStudy)]),
        i18n.t('dashboard.droppedNotForStudy', [countText(summary.notForStudy)]),
      ),
    );
  return (
    <section class="cl-export-summary" id="study-export-summary" aria-labelledby="study-export-title">
      <h3 id="study-export-title">{i18n.t('dashboard.studyExportTitle')}</h3>
      <p>
        {summary.events > 0 && summary.first && summary.last
          ? byCount(
              summary.events,
              i18n.t('dashboard.studyExportEventsOne', [
                countText(summary.events),
                atText(summary.first),
                atText(summary.last),
              ]),
              i18n.t('dashboard.studyExportEvents', [
                countText(summary.events),
                atText(summary.first),
                atText(summary.last),
              ]),
            )
          : i18n.t('dashboard.studyExportNoEvents')}
      </p>
      {summary.byType.length > 0 && (
        <table>
          <caption>{i18n.t('dashboard.studyExportByKind')}</caption>
          <tbody>
            {summary.byType.map(({ type, count }) => (
              <tr key={type} data-type={type}>
                <th scope="row">{i18n.t(KIND_KEYS[type])}</th>
                <td>{countText(count)}</td>
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

/** An input problem in the shopper's language; a study file's field problems stay as they are. */
function inputProblem(read: Extract<StudyInput, { ok: false }>): string[] {
  switch (read.problem) {
    case 'empty':
      return [i18n.t('dashboard.studyEmpty')];
    case 'invalid':
      return [i18n.t('dashboard.studyInvalid'), ...(read.details ?? [])];
    case 'bad-code':
      return [i18n.t('dashboard.studyBadCode')];
    case 'unknown-code':
      return [i18n.t('dashboard.studyUnknownCode', [read.code ?? ''])];
  }
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
    setErrors(read.ok ? [] : inputProblem(read));
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
            ? i18n.t('dashboard.studyLeftOn', [view.leftAt?.slice(0, 10) ?? ''])
            : view.recording
              ? i18n.t('dashboard.studyRecording')
              : i18n.t(view.phase === 'not-started' ? 'dashboard.studyNotStarted' : 'dashboard.studyEnded')}
        </p>
        <dl>
          <dt>{i18n.t('dashboard.studyParticipantCode')}</dt>
          <dd>
            <code>{view.participantId}</code>
          </dd>
          <dt>{i18n.t('dashboard.studyPeriod')}</dt>
          <dd>
            {view.start} – {view.end}
          </dd>
          {view.arm !== null && (
            <>
              <dt>{i18n.t('dashboard.studyGroup')}</dt>
              <dd>{view.arm}</dd>
            </>
          )}
          {view.contact && (
            <>
              <dt>{i18n.t('dashboard.studyContact')}</dt>
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
            {i18n.t('dashboard.studyExport')}
          </button>{' '}
          {view.state === 'enrolled' ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                if (confirm(i18n.t('dashboard.studyLeaveConfirm'))) {
                  run(async () => void (await leaveStudy(db)));
                }
              }}
            >
              {i18n.t('dashboard.studyLeave')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => run(() => forgetStudy(db))}>
              {i18n.t('dashboard.studyJoinAnother')}
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
        {candidate.contact && <p>{i18n.t('dashboard.studyRunBy', [candidate.contact])}</p>}
        <p>{i18n.t('dashboard.studyDates', [candidate.start, candidate.end])}</p>
        <h3>{i18n.t('dashboard.studyConsent')}</h3>
        <div class="cl-consent" style={{ whiteSpace: 'pre-wrap' }}>
          {candidate.consent}
        </div>
        <label>
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed((e.target as HTMLInputElement).checked)} />{' '}
          {i18n.t('dashboard.studyAgree')}
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
            {i18n.t('dashboard.studyJoin')}
          </button>{' '}
          <button type="button" onClick={() => setCandidate(null)}>
            {i18n.t('dashboard.cancel')}
          </button>
        </p>
        {errors.length > 0 && <p role="alert">{errors.join(' ')}</p>}
      </section>
    );
  }

  return (
    <section class="cl-study" aria-labelledby="cl-study-title">
      <h2 id="cl-study-title">{i18n.t('dashboard.studyJoinTitle')}</h2>
      <p>{i18n.t('dashboard.studyJoinIntro')}</p>
      <p>
        <label>
          {i18n.t('dashboard.studyFile')}{' '}
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
          {i18n.t('dashboard.studyText')}
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
          {i18n.t('dashboard.studyContinue')}
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

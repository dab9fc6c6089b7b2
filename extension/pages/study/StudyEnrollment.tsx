// Joining and leaving a study, for the dashboard to mount: load or paste a study file (or type
// its code), read the consent, join; then the participant code, an export for the researcher and
// "Leave the study". The arm is not shown unless the study allows it (blinding, docs/research.md).

import { useEffect, useState } from 'preact/hooks';
import type { Study } from '../../../shared/study/study.ts';
import type { LedgerDb } from '../../ledger/db.ts';
import {
  type CurrentStudy,
  currentEnrollment,
  enroll,
  forgetStudy,
  leaveStudy,
  participantBundle,
} from '../../ledger/study.ts';
import { downloadFile } from '../actions.ts';
import { bundleFileName, enrollmentView, readStudyInput } from './enrollment-flow.ts';

export interface StudyEnrollmentProps {
  db: LedgerDb;
  /** Studies built into this copy of the extension, joinable by their code. */
  knownStudies?: readonly Study[];
}

export function StudyEnrollment({ db, knownStudies = [] }: StudyEnrollmentProps) {
  const [current, setCurrent] = useState<CurrentStudy | null | undefined>(undefined);
  const [input, setInput] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [candidate, setCandidate] = useState<Study | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    currentEnrollment(db).then(setCurrent, () => setCurrent(null));
  }, [db]);

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
                const bundle = await participantBundle(db);
                if (bundle) {
                  const file = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' });
                  downloadFile(file, bundleFileName(current), document);
                }
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
                  run(async () => setCurrent(await leaveStudy(db)));
                }
              }}
            >
              Leave the study
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => run(async () => setCurrent(await forgetStudy(db).then(() => null)))}
            >
              Join another study
            </button>
          )}
        </p>
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
                setCurrent(await enroll(db, candidate, { consentAcceptedAt: new Date() }));
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

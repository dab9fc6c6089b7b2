// The dashboard's study section: join a research study with its study file or code, read and
// accept the consent, export the participant file, leave at any time (extension/pages/study).

import { i18n } from '#i18n';
import type { LedgerDb } from '../../ledger/db.ts';
import { StudyEnrollment } from '../study/StudyEnrollment.tsx';

export function StudySection({ db }: { db: LedgerDb }) {
  return (
    <section id="study" aria-labelledby="study-title">
      <h2 id="study-title">{i18n.t('dashboard.study')}</h2>
      <StudyEnrollment db={db} />
    </section>
  );
}

// The dashboard's study section: join a research study with its study file or code, read and
// accept the consent, export the participant file, leave at any time (extension/pages/study).

import type { LedgerDb } from '../../ledger/db.ts';
import { StudyEnrollment } from '../study/StudyEnrollment.tsx';

export function StudySection({ db }: { db: LedgerDb }) {
  return (
    <div id="study">
      <StudyEnrollment db={db} />
    </div>
  );
}

// Placeholder until the research issue brings study enrollment; replaced as a whole then.

import { i18n } from '#i18n';

export function StudySection() {
  return (
    <section id="study" aria-labelledby="study-title">
      <h2 id="study-title">{i18n.t('dashboard.study')}</h2>
      <p>{i18n.t('dashboard.studyComing')}</p>
    </section>
  );
}

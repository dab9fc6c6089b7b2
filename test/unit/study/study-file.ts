// A study file as a researcher writes it, for tests: two even arms, open from 2020 to 2099, and
// whatever fields a test needs otherwise.

import type { Study } from '../../../shared/study/study.ts';

export const studyFile = (fields: Partial<Study> = {}): Study => ({
  format: 'carbon-ledger-study',
  version: 1,
  id: 'always-on',
  title: 'Always on',
  consent: 'I agree.',
  arms: [
    { id: 'control', probability: 0.5, overlay: 'none' },
    { id: 'labels', probability: 0.5, overlay: 'no-alternatives' },
  ],
  start: '2020-01-01',
  end: '2099-12-31',
  exportEventTypes: ['product-viewed'],
  includeFullUrls: false,
  showArmToParticipant: false,
  ...fields,
});

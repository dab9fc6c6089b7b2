// An export's events against its study header: the arm a participant's events carry is the arm the
// header gives them (a bundle's `arm`, a cohort's `participants`); other studies' events are not
// compared.

import { describe, expect, it } from 'vitest';
import { checkStampsAgainstHeader, StampIndex } from '../../../analysis/validate/study-header.ts';

const bundle = { id: 'labels-2027', title: 'Labels', participantId: 'p-0123456789abcdef', arm: 'control' };
const stamp = (arm: string, participantId = bundle.participantId, studyId = bundle.id) => ({
  studyId,
  participantId,
  arm,
});

describe('checkStampsAgainstHeader', () => {
  it('a bundle’s events in another arm are named once, at the first one', () => {
    const stamps = new StampIndex();
    stamps.add(stamp('control'), 0);
    stamps.add(stamp('labels'), 1);
    stamps.add(stamp('labels'), 2);
    stamps.add(null, 3);
    expect(checkStampsAgainstHeader(bundle, stamps)).toEqual([
      { where: 'events[1].study.arm', message: '"labels", but the study\'s arm is "control"' },
    ]);
  });

  it('events of another study or with no header study are not compared', () => {
    const stamps = new StampIndex();
    stamps.add(stamp('labels', bundle.participantId, 'older-study'), 0);
    expect(checkStampsAgainstHeader(bundle, stamps)).toEqual([]);
    stamps.add(stamp('labels'), 1);
    expect(checkStampsAgainstHeader(null, stamps)).toEqual([]);
    expect(checkStampsAgainstHeader({ id: bundle.id, title: 'no participant' }, stamps)).toEqual([]);
  });
});

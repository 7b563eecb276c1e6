import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { hasUnstorableCharacters } from '@nets/shared/util-text';
import { PROGRAMMES } from './programmes';
import {
  checkContact,
  checkEducation,
  checkIdempotencyKey,
  checkPlacement,
  checkPlacementDates,
  checkProfile,
  checkStrings,
  isIsoDay,
  placementWindow,
} from './submission.rules';
import { PUBLISHED_LEARNER_GROUPS } from '@nets/platform/testing';

const organisation: OrganisationSnapshot = {
  id: '7c0b8a52-8b5f-4f3e-9a53-2f3f0f0b8d11',
  odsCode: 'RXX',
  name: 'Northvale NHS Trust',
  kind: 'NHS_TRUST',
  roles: ['PLACEMENT_PROVIDER'],
  region: 'LONDON',
  sites: [{ id: '0b6e5a55-7f4d-4c35-8e0b-5b7e1b1f2a22', code: 'S1', name: 'Northvale General' }],
  status: 'ACTIVE',
  successorId: null,
};

describe('submission rules', () => {
  it('checks learner group and profession codes against the reference list', () => {
    expect(
      checkProfile({ learnerGroup: 'PHARMACY', profession: 'PHARMACY_STUDENT' }, PUBLISHED_LEARNER_GROUPS),
    ).toEqual([]);
    expect(
      checkProfile({ learnerGroup: 'PHARMACY', profession: 'PARAMEDIC' }, PUBLISHED_LEARNER_GROUPS)[0]?.path,
    ).toBe('profile.profession');
    expect(checkProfile({ learnerGroup: 'NOPE', profession: 'X' }, PUBLISHED_LEARNER_GROUPS)[0]?.path).toBe(
      'profile.learnerGroup',
    );
    expect(
      checkProfile(
        { learnerGroup: 'PHARMACY', profession: 'PHARMACY_STUDENT', yearOfTraining: 11 },
        PUBLISHED_LEARNER_GROUPS,
      ),
    ).toHaveLength(1);
  });

  // Restores what the deleted learner-groups.spec asked of response's hand copy (isKnownLearnerGroup,
  // isKnownProfession), now of the list the survey publishes.
  it('tells known groups and professions apart from unknown ones', () => {
    const group = (learnerGroup: string, profession: string) =>
      checkProfile({ learnerGroup, profession }, PUBLISHED_LEARNER_GROUPS).map((detail) => detail.path);
    expect(group('NURSING', 'STUDENT_NURSE_ADULT')).toEqual([]);
    expect(group('toString', 'STUDENT_NURSE_ADULT')).toEqual(['profile.learnerGroup']);
    expect(group('MEDICAL', 'FOUNDATION_DOCTOR')).toEqual([]);
    expect(group('MEDICAL', 'STUDENT_MIDWIFE')).toEqual(['profile.profession']);
  });

  it('takes a programme only as a short course name', () => {
    const profile = { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT' };
    expect(
      checkProfile({ ...profile, programme: 'BSc (Hons) Nursing - Adult' }, PUBLISHED_LEARNER_GROUPS),
    ).toEqual([]);
    expect(
      checkProfile({ ...profile, programme: 'email me at a@b.com' }, PUBLISHED_LEARNER_GROUPS),
    ).toHaveLength(1);
    expect(checkProfile({ ...profile, programme: 'x'.repeat(101) }, PUBLISHED_LEARNER_GROUPS)).toHaveLength(
      1,
    );
  });

  it('needs an active placement provider and one of its own sites', () => {
    expect(
      checkPlacement({ organisationId: organisation.id, siteId: organisation.sites[0].id }, organisation),
    ).toEqual([]);
    expect(checkPlacement({ organisationId: organisation.id }, undefined)).toHaveLength(1);
    expect(
      checkPlacement({ organisationId: organisation.id }, { ...organisation, status: 'CLOSED' }),
    ).toHaveLength(1);
    expect(
      checkPlacement({ organisationId: organisation.id }, { ...organisation, roles: ['EDUCATION_PROVIDER'] }),
    ).toHaveLength(1);
    expect(
      checkPlacement({ organisationId: organisation.id, siteId: organisation.id }, organisation)[0]?.path,
    ).toBe('placement.siteId');
    expect(
      checkPlacement({ organisationId: organisation.id, startDate: '2026-02-30' }, organisation)[0]?.path,
    ).toBe('placement.startDate');
  });

  it('takes contact details only with a serious concern, and only in a plausible shape', () => {
    expect(checkContact({ email: 'a@b.uk' }, true)).toEqual([]);
    expect(checkContact({ email: 'a@b.uk' }, false)).toHaveLength(1);
    expect(checkContact({ email: 'nope', phone: 'call me' }, true)).toHaveLength(2);
    expect(checkContact({}, true)).toHaveLength(1);
    expect(checkContact(null, false)).toEqual([]);
  });

  it('checks idempotency keys and days', () => {
    expect(checkIdempotencyKey('0b6e5a55-7f4d-4c35-8e0b-5b7e1b1f2a22')).toEqual([]);
    expect(checkIdempotencyKey('short')).toHaveLength(1);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
  });
});

describe('placement window and stored text', () => {
  it('takes placement dates from 1 January of the year before the cycle to the day it closes', () => {
    const window = placementWindow(2026, new Date('2026-03-31T23:00:00Z'));
    expect(window).toEqual({ from: '2025-01-01', to: '2026-03-31' });
    expect(placementWindow(2026, null)).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    const at = (startDate: string, endDate?: string) =>
      checkPlacementDates({ startDate, endDate }, window).map((d) => d.message);
    expect(at('2025-01-01', '2026-03-31')).toEqual([]);
    expect(at('1900-01-01')[0]).toContain('Give a date from 2025-01-01 to 2026-03-31');
    expect(at('2026-01-01', '3000-01-01')[0]).toContain('Give a date from');
    expect(at('2024-12-31')).toHaveLength(1);
    expect(at('2026-03-01', '2026-02-01')).toEqual(['The placement cannot end before it starts.']);
    expect(at('2026-02-30')).toEqual(['Use a date as YYYY-MM-DD.']);
  });

  it('refuses control characters and lone surrogates anywhere in an input, and keeps tabs, new lines and emoji', () => {
    expect(hasUnstorableCharacters('Line one\n\tline two 👍')).toBe(false);
    for (const bad of ['a\u0000b', 'a\u0007', 'x\ud800', '\udc00y', 'del\u007f']) {
      expect(hasUnstorableCharacters(bad)).toBe(true);
    }
    expect(checkStrings({ placement: { specialty: 'ok', tags: ['fine', 'b\u0000ad'] } }, '')).toEqual([
      { path: 'placement.tags[1]', message: 'Contains control characters or invalid Unicode.' },
    ]);
  });
});

describe('education provider and programme', () => {
  const university: OrganisationSnapshot = {
    ...organisation,
    id: '5d3c1f7e-2b0a-4c61-9a3e-8c1f2d4b6a01',
    odsCode: '10007777',
    name: 'University of Northvale',
    kind: 'UNIVERSITY',
    roles: ['EDUCATION_PROVIDER'],
    sites: [],
  };
  const paths = (details: { path?: string; message: string }[]) => details.map((detail) => detail.path);

  it('takes an active education provider and a programme of the learner group', () => {
    expect(
      checkEducation(
        { organisationId: university.id, programme: 'BSC_NURSING_ADULT' },
        university,
        'NURSING',
      ),
    ).toEqual([]);
    expect(
      checkEducation({ organisationId: university.id, programme: 'OTHER_PROGRAMME' }, university, 'PHARMACY'),
    ).toEqual([]);
  });

  it('refuses a placement provider, a closed or unknown organisation', () => {
    const [notEducation] = checkEducation(
      { organisationId: organisation.id, programme: 'BSC_NURSING_ADULT' },
      organisation,
      'NURSING',
    );
    expect(notEducation).toEqual({
      path: 'education.organisationId',
      message: 'Northvale NHS Trust is not an education provider.',
    });
    expect(
      checkEducation(
        { organisationId: university.id, programme: 'BSC_NURSING_ADULT' },
        { ...university, status: 'CLOSED' },
        'NURSING',
      ),
    ).toEqual([{ path: 'education.organisationId', message: 'University of Northvale is closed.' }]);
    expect(
      paths(checkEducation({ organisationId: university.id, programme: 'MPHARM' }, undefined, 'PHARMACY')),
    ).toEqual(['education.organisationId']);
  });

  it('refuses an unknown programme and one of another learner group', () => {
    expect(
      checkEducation({ organisationId: university.id, programme: 'BSC_UNDERWATER' }, university, 'NURSING'),
    ).toEqual([{ path: 'education.programme', message: 'Unknown programme BSC_UNDERWATER.' }]);
    expect(
      checkEducation({ organisationId: university.id, programme: 'MPHARM' }, university, 'NURSING'),
    ).toEqual([
      {
        path: 'education.programme',
        message: 'Pharmacy (MPharm) is not a programme of the NURSING learner group.',
      },
    ]);
  });

  it('keeps a maintained list of unique codes, each for known learner groups', () => {
    const codes = PROGRAMMES.map((programme) => programme.code);
    expect(new Set(codes).size).toBe(codes.length);
    const groups = new Set(PUBLISHED_LEARNER_GROUPS.map((group) => group.code));
    for (const programme of PROGRAMMES) {
      for (const group of programme.learnerGroups) expect(groups).toContain(group);
      expect(programme.code).toMatch(/^[A-Z][A-Z0-9_]{1,99}$/);
    }
    // Every learner group has at least one programme of its own, or the open "another programme".
    for (const group of groups) {
      expect(PROGRAMMES.some((p) => p.learnerGroups.length === 0 || p.learnerGroups.includes(group))).toBe(
        true,
      );
    }
  });
});

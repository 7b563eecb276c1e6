import { demoRegistry } from '@nets/provider-assessment/data-access';
import { PROGRAMMES } from '@nets/response/domain';
import { EducationAssigner, registryEducationProviders, SAME_REGION_SHARE } from './education';
import { registryOrganisations } from './organisations';
import { ResponseStream } from './responses';
import { PAST_CYCLES } from './targets';

describe('learners’ education providers and programmes in the synthetic dataset', () => {
  const registry = demoRegistry();
  const providers = registryEducationProviders(registry, 7);
  const organisations = registryOrganisations(registry, 7);
  const total = 6_000;
  const withEducation = new ResponseStream(organisations, {
    total,
    years: PAST_CYCLES,
    seed: 11,
    freeText: false,
    education: new EducationAssigner(providers, 11),
  }).next(total);

  it('draws on a few dozen universities and colleges, all education providers of the registry', () => {
    const universities = registry.filter((o) => o.kind === 'UNIVERSITY');
    expect(universities.length).toBeGreaterThanOrEqual(24);
    const codes = new Set(providers.map((p) => p.odsCode));
    for (const university of universities) expect(codes).toContain(university.odsCode);
    expect(
      providers.every((p) =>
        registry.find((o) => o.odsCode === p.odsCode)?.roles.includes('EDUCATION_PROVIDER'),
      ),
    ).toBe(true);
    const used = new Set(withEducation.map((r) => r.education?.odsCode));
    expect(used.size).toBeGreaterThanOrEqual(40);
  });

  it('gives every learner one, mostly in the region of their placement', () => {
    const regionOf = new Map(providers.map((p) => [p.odsCode, p.region]));
    expect(withEducation.every((r) => r.education !== null)).toBe(true);
    const local = withEducation.filter(
      (r) => regionOf.get(r.education?.odsCode ?? '') === r.organisation.region,
    ).length;
    const share = local / total;
    expect(share).toBeGreaterThan(SAME_REGION_SHARE - 0.05);
    expect(share).toBeLessThan(0.97);
  });

  it('gives each learner a programme of the maintained list for their learner group', () => {
    const byCode = new Map(PROGRAMMES.map((p) => [p.code, p]));
    const wrong = withEducation.filter((response) => {
      const programme = byCode.get(response.education?.programme ?? '');
      if (!programme) return true;
      return (
        programme.learnerGroups.length > 0 && !programme.learnerGroups.includes(response.profile.learnerGroup)
      );
    });
    expect(wrong).toEqual([]);
    const adultNurses = withEducation.filter((r) => r.profile.profession === 'STUDENT_NURSE_ADULT');
    const onAdultNursing = adultNurses.filter((r) => r.education?.programme === 'BSC_NURSING_ADULT');
    expect(onAdultNursing.length / adultNurses.length).toBeGreaterThan(0.8);
  });

  it('changes none of the answers the published figures are calibrated on', () => {
    const without = new ResponseStream(organisations, {
      total,
      years: PAST_CYCLES,
      seed: 11,
      freeText: false,
    }).next(200);
    expect(withEducation.slice(0, 200).map(({ education: _education, ...rest }) => rest)).toEqual(
      without.map(({ education: _education, ...rest }) => rest),
    );
  });
});

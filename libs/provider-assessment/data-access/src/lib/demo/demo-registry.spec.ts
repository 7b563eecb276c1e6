import { NHS_REGIONS, ORGANISATION_KINDS } from '@nets/provider-assessment/contract-events';
import { DEMO_INDICATOR_TARGETS, demoSelfAssessments } from './demo-self-assessments';
import { demoRegistry, toOrganisationCsv } from './demo-registry';

describe('demo registry', () => {
  it('is deterministic, with every kind in every region and unique codes', () => {
    const registry = demoRegistry();
    expect(registry).toEqual(demoRegistry());
    expect(registry).toHaveLength(260);
    for (const kind of ORGANISATION_KINDS) {
      expect(new Set(registry.filter((o) => o.kind === kind).map((o) => o.region)).size).toBe(
        Math.min(NHS_REGIONS.length, registry.filter((o) => o.kind === kind).length),
      );
    }
    const codes = registry.flatMap((o) => [o.odsCode, ...o.sites.map((s) => s.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(toOrganisationCsv(registry).split('\n')[0]).toBe('code,name,kind,roles,region,parent_code');
  });

  it('answers the headline indicators in exactly the target shares', () => {
    const rows = demoSelfAssessments(demoRegistry(), 2024);
    expect(rows).toHaveLength(200);
    const speakUp = rows.filter((r) => r.indicators[7] === 'Y').length;
    expect(speakUp).toBe((DEMO_INDICATOR_TARGETS[2024].SPEAK_UP_WITHOUT_FEAR ?? 0) * 2);
    expect(demoSelfAssessments(demoRegistry(), 2022)[0].indicators[10]).toBe('-');
  });
});

import type { Population, Respondent } from './population';

export interface ExampleGroup {
  readonly org: string;
  readonly site?: string;
  readonly profession: string;
  readonly n: number;
  /** Positive answers among the n; default about 70%. */
  readonly k?: number;
}

/**
 * A hand-written population: `regions` maps region → organisation → its sites, `groups` maps learner
 * group → its professions, and each entry of `learners` adds n identical respondents.
 */
export function examplePopulation(
  regions: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>,
  groups: Readonly<Record<string, readonly string[]>>,
  learners: readonly ExampleGroup[],
): Population {
  const regionOfOrganisation = new Map<string, string>();
  const organisationOfSite = new Map<string, string>();
  const learnerGroupOfProfession = new Map<string, string>();
  for (const [region, organisations] of Object.entries(regions)) {
    for (const [organisation, sites] of Object.entries(organisations)) {
      regionOfOrganisation.set(organisation, region);
      for (const site of sites) organisationOfSite.set(site, organisation);
    }
  }
  for (const [group, professions] of Object.entries(groups)) {
    for (const profession of professions) learnerGroupOfProfession.set(profession, group);
  }
  const respondents: Respondent[] = learners.flatMap((g) => {
    const k = g.k ?? Math.round(g.n * 0.7);
    return Array.from({ length: g.n }, (_, i) => ({
      organisationId: g.org,
      siteId: g.site,
      profession: g.profession,
      positive: i < k,
    }));
  });
  return { hierarchy: { regionOfOrganisation, organisationOfSite, learnerGroupOfProfession }, respondents };
}

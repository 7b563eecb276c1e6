// The organisations responses are placed at: the demo registry's placement providers, each with a size
// (its share of the responses) and a quality effect that shifts all its positive rates.
import type { DemoOrganisation } from '@nets/provider-assessment/data-access';
import type { NhsRegion } from '@nets/provider-assessment/contract-events';
import { Random } from './random';

export interface Placeable {
  /** Relative share of the responses (lognormal: a few large trusts, a long tail of small providers). */
  weight: number;
  /** Logit shift of this provider's positive rates: most near zero, a handful of true outliers both ways. */
  effect: number;
  sites: ReadonlyArray<{ name: string }>;
  /** The learner groups it takes, when not all of them. */
  learnerGroups?: readonly string[];
  /** Its region: learners mostly study at a university or college of the same region. */
  region?: string;
}

export interface DatasetOrganisation extends Placeable {
  odsCode: string;
  name: string;
  region: NhsRegion;
  sites: ReadonlyArray<{ code: string; name: string }>;
}

/** The provider the README's examples use: the registry's first NHS trust, a poor outlier every year. */
export const DEMO_PROVIDER_ODS_CODE = 'R2S';

const LOW_OUTLIER = -1.1;
const HIGH_OUTLIER = 0.9;

/** A provider's quality: near the national rate, with about 3% true outliers each way. */
export function providerEffect(random: Random): number {
  const outlier = random.next();
  return 0.22 * random.normal() + (outlier < 0.03 ? LOW_OUTLIER : outlier > 0.97 ? HIGH_OUTLIER : 0);
}

function sizeOf(organisation: DemoOrganisation, random: Random): number {
  const kind = organisation.kind;
  if (kind === 'NHS_TRUST' || kind === 'FOUNDATION_TRUST') return Math.exp(2.3 + 0.5 * random.normal());
  if (kind === 'INDEPENDENT_SECTOR' || kind === 'HOSPICE') return Math.exp(0.3 + 0.5 * random.normal());
  return Math.exp(-0.7 + 0.6 * random.normal());
}

/**
 * Practices and pharmacies take their own profession's learners. The demo provider is an acute trust with
 * the three largest groups only, so its own results are not withheld for a group of one or two learners.
 */
function learnerGroupsOf(organisation: DemoOrganisation): readonly string[] | undefined {
  if (organisation.odsCode === DEMO_PROVIDER_ODS_CODE)
    return ['NURSING', 'MEDICAL', 'ALLIED_HEALTH_PROFESSIONS'];
  if (organisation.kind === 'GP_PRACTICE') return ['MEDICAL', 'NURSING', 'PHYSICIAN_ASSOCIATES'];
  if (organisation.kind === 'DENTAL_PRACTICE') return ['DENTAL'];
  if (organisation.kind === 'COMMUNITY_PHARMACY') return ['PHARMACY'];
  return undefined;
}

/** Every placement provider of the registry, with seeded sizes and effects (the same for every cycle). */
export function registryOrganisations(
  registry: readonly DemoOrganisation[],
  seed: number,
): DatasetOrganisation[] {
  const random = new Random(seed);
  return registry
    .filter((organisation) => organisation.roles.includes('PLACEMENT_PROVIDER'))
    .map((organisation) => {
      const weight = sizeOf(organisation, random);
      const effect = providerEffect(random);
      return {
        odsCode: organisation.odsCode,
        name: organisation.name,
        region: organisation.region,
        sites: organisation.sites,
        learnerGroups: learnerGroupsOf(organisation),
        // Large enough that its dashboard has numbers to show even in the small demo dataset.
        weight: organisation.odsCode === DEMO_PROVIDER_ODS_CODE ? Math.max(weight, 60) : weight,
        effect: organisation.odsCode === DEMO_PROVIDER_ODS_CODE ? LOW_OUTLIER : effect,
      };
    });
}

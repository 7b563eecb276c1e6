import { REGION_NAMES, REGIONS } from '@nets/shared/auth';
import type { StaffPortalReferenceDataQuery } from '../../__generated__/graphql';
import type { StaffUser } from '../../auth/staff-user';
import type { OrganisationRegistry } from '../../graph/organisation-registry';
import { BREAKDOWN_LABELS, BREAKDOWNS, breakdownsFor, type ExplorerFilters } from './explorer-filters';

/** One option of an nhsuk-frontend select. */
export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

const items = (
  options: ReadonlyArray<{ value: string; text: string }>,
  chosen: string | undefined,
  any?: string,
): SelectItem[] => [
  ...(any === undefined ? [] : [{ value: '', text: any, selected: chosen === undefined }]),
  ...options.map((option) => ({ ...option, selected: option.value === chosen })),
];

/** The filter form's choices, the current filters selected; users see only the scopes they may choose. */
export function explorerFormView(
  filters: ExplorerFilters,
  choices: {
    years: readonly number[];
    measures: StaffPortalReferenceDataQuery['measures'];
    learnerGroups: StaffPortalReferenceDataQuery['learnerGroups'];
    registry: OrganisationRegistry;
    user: Pick<StaffUser, 'role' | 'organisationId' | 'region'>;
  },
) {
  const { user } = choices;
  const national = user.role === 'NATIONAL_ANALYST' || user.role === 'ADMIN';
  const regions = national ? [...REGIONS] : user.region ? [user.region] : [];
  const organisations = choices.registry.organisations.filter((organisation) =>
    national
      ? !filters.region || organisation.region === filters.region
      : user.region
        ? organisation.region === user.region
        : organisation.id === user.organisationId,
  );
  const group = choices.learnerGroups.find((g) => g.code === filters.learnerGroup);
  return {
    year: items(
      [...choices.years].reverse().map((y) => ({ value: String(y), text: String(y) })),
      String(filters.year),
    ),
    measure: items(
      choices.measures.map((m) => ({ value: m.key, text: m.title })),
      filters.measure,
    ),
    by: items(
      BREAKDOWNS.filter((b) => breakdownsFor(user.role).includes(b)).map((b) => ({
        value: b,
        text: BREAKDOWN_LABELS[b],
      })),
      filters.by,
    ),
    region: items(
      regions.map((r) => ({ value: r, text: REGION_NAMES[r] })),
      filters.region,
      national ? 'All regions' : undefined,
    ),
    learnerGroup: items(
      choices.learnerGroups.map((g) => ({ value: g.code, text: g.name })),
      filters.learnerGroup,
      'All learner groups',
    ),
    profession: items(
      (group ? [group] : choices.learnerGroups).flatMap((g) =>
        g.professions.map((p) => ({ value: p.code, text: p.name })),
      ),
      filters.profession,
      'All professions',
    ),
    organisation: items(
      organisations.map((o) => ({ value: o.id, text: `${o.name} (${o.odsCode})` })),
      filters.organisationId,
      national || user.region ? 'All organisations' : undefined,
    ),
  };
}

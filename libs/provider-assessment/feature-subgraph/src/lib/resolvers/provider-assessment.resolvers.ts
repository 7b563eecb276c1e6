import { allow, allowReference, anyone, roles, scopedByDomain, signedIn } from '@nets/shared/graphql-server';
import { requireRole, requireSignedIn } from '@nets/shared/auth';
import { NotFoundError } from '@nets/shared/util-errors';
import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../../__generated__/resolvers-types';
import type { ProviderAssessmentContext } from '../provider-assessment-context';

const admin = roles('ADMIN');
const provider = roles('PROVIDER_USER');
const qualityTeam = roles('QUALITY_TEAM');

/** Thin: each resolver states who may call it, calls one service method and returns the result. */
export const providerAssessmentResolvers: Resolvers<ProviderAssessmentContext> = {
  DateTime: DateTimeResolver,

  Query: {
    organisations: allow(anyone, (_parent, { filter, first, after }, { services }) =>
      services.organisations.search(
        {
          region: filter?.region ?? undefined,
          kind: filter?.kind ?? undefined,
          role: filter?.role ?? undefined,
          status: filter?.status ?? undefined,
          search: filter?.search ?? undefined,
        },
        first ?? 50,
        after,
      ),
    ),
    organisation: allow(
      anyone,
      async (_parent, { id }, { loaders }) => (await loaders.organisationById.load(id)) ?? null,
    ),
    organisationByOdsCode: allow(
      anyone,
      async (_parent, { odsCode }, { services }) => (await services.organisations.byOdsCode(odsCode)) ?? null,
    ),
    selfAssessmentQuestionSet: allow(signedIn, (_parent, { year }, { services }) =>
      services.selfAssessments.questionSet(year),
    ),
    selfAssessmentCycles: allow(signedIn, (_parent, _args, { services }) =>
      services.selfAssessments.cycles(),
    ),
    selfAssessmentCycle: allow(
      signedIn,
      async (_parent, { year }, { services }) => (await services.selfAssessments.cycle(year)) ?? null,
    ),
    selfAssessments: allow(
      scopedByDomain('providers see their own, quality teams their region, national roles all'),
      (_parent, { year, region, status }, { services, identity }) =>
        services.selfAssessments.list(requireSignedIn(identity), year, region, status),
    ),
    selfAssessmentReturns: allow(
      scopedByDomain('quality teams their region, national roles all; others FORBIDDEN'),
      (_parent, { year, region }, { services, identity }) =>
        services.selfAssessments.returns(requireSignedIn(identity), year, region),
    ),
    selfAssessmentSummary: allow(signedIn, (_parent, { year, region }, { services }) =>
      services.selfAssessments.summary(year, region),
    ),
  },

  Mutation: {
    registerOrganisation: allow(admin, (_parent, { input }, { services }) =>
      services.organisations.register(input),
    ),
    updateOrganisation: allow(admin, (_parent, { id, input }, { services }) =>
      services.organisations.update(id, input),
    ),
    mergeOrganisations: allow(admin, (_parent, { fromId, intoId }, { services }) =>
      services.organisations.merge(fromId, intoId),
    ),
    closeOrganisation: allow(admin, (_parent, { id }, { services }) => services.organisations.close(id)),
    importOrganisations: allow(admin, (_parent, { csv, skipInvalidRows, dryRun }, { services }) =>
      services.organisations.importCsv(csv, {
        skipInvalidRows: skipInvalidRows ?? false,
        dryRun: dryRun ?? false,
      }),
    ),
    createSelfAssessmentCycle: allow(admin, (_parent, { input }, { services }) =>
      services.selfAssessments.createCycle(input),
    ),
    saveSelfAssessment: allow(provider, (_parent, { input }, { services, identity }) =>
      services.selfAssessments.save(requireRole(identity, 'PROVIDER_USER'), input),
    ),
    submitSelfAssessment: allow(
      provider,
      (_parent, { organisationId, year, signOff, expectedVersion }, { services, identity }) =>
        services.selfAssessments.submit(
          requireRole(identity, 'PROVIDER_USER'),
          organisationId,
          year,
          signOff,
          expectedVersion,
        ),
    ),
    reviewSelfAssessment: allow(qualityTeam, (_parent, { input }, { services, identity }) =>
      services.selfAssessments.review(requireRole(identity, 'QUALITY_TEAM'), input),
    ),
    importSelfAssessments: allow(admin, (_parent, { year, rows }, { services }) =>
      services.selfAssessments.importReturns(year, rows),
    ),
  },

  Organisation: {
    __resolveReference: allowReference(anyone, async (reference, { loaders }) => {
      const organisation = await loaders.organisationById.load(reference.id);
      if (!organisation) throw new NotFoundError(`No organisation ${reference.id}.`);
      return organisation;
    }),
    successor: allow(anyone, async (organisation, _args, { loaders }) =>
      organisation.successorId
        ? ((await loaders.organisationById.load(organisation.successorId)) ?? null)
        : null,
    ),
    selfAssessment: allow(
      scopedByDomain("the organisation's users, its region's quality team and national roles"),
      async (organisation, { year }, { loaders, services, identity }) => {
        services.selfAssessments.assertReadable(identity, organisation);
        return (await loaders.selfAssessment.load(`${organisation.id}:${year}`)) ?? null;
      },
    ),
  },

  SelfAssessment: {
    organisation: allow(signedIn, async (assessment, _args, { loaders }) => {
      const organisation = await loaders.organisationById.load(assessment.organisationId);
      if (!organisation) throw new NotFoundError(`No organisation ${assessment.organisationId}.`);
      return organisation;
    }),
  },
};

import { allow, allowReference, anyone, roles, scopedByDomain } from '@nets/shared/graphql-server';
import { DateTimeResolver } from 'graphql-scalars';
import type { NhsRegion, Resolvers } from '../../__generated__/resolvers-types';
import type { ResponseContext } from '../response-context';
import { unredactedFor } from '../services/feedback.service';

const qualityTeam = roles('QUALITY_TEAM');
const scopedToOrganisation = scopedByDomain('feedback is scoped to the organisation or its region, n >= 3');

/** Thin: each resolver states who may call it, calls one service method and returns the result. */
export const responseResolvers: Resolvers<ResponseContext> = {
  DateTime: DateTimeResolver,

  Query: {
    responseDraft: allow(anyone, (_parent, { resumeToken }, { services }) =>
      services.drafts.resume(resumeToken),
    ),
    programmes: allow(anyone, (_parent, _args, { services }) => services.submissions.programmes()),
    responseProgress: allow(roles('ADMIN', 'NATIONAL_ANALYST'), (_parent, { year }, { services }) =>
      services.progress.progress(year),
    ),
    organisationFeedback: allow(
      scopedToOrganisation,
      (_parent, { organisationId, year, learnerGroup }, context) =>
        context.services.feedback.feedback(
          context.identity,
          organisationId,
          year,
          context.loaders,
          learnerGroup ?? null,
        ),
    ),
    responseCommentsAwaitingReview: allow(qualityTeam, (_parent, { limit }, { services, identity }) =>
      services.feedback.awaitingReview(identity, limit ?? 100),
    ),
  },

  Mutation: {
    submitResponse: allow(anyone, (_parent, { input }, { services, identity, clientAddress }) =>
      services.submissions.submit(input, { identity, clientAddress }),
    ),
    importResponses: allow(roles('ADMIN'), (_parent, { year, responses }, { services }) =>
      services.submissions.importClosedCycle(year, responses),
    ),
    saveResponseDraft: allow(anyone, (_parent, { input }, { services, identity, clientAddress }) =>
      services.drafts.save(input, { identity, clientAddress }),
    ),
    releaseResponseComment: allow(qualityTeam, (_parent, { id }, { services, identity }) =>
      services.feedback.release(identity, id),
    ),
    amendResponseComment: allow(qualityTeam, (_parent, { id, redactedText }, { services, identity }) =>
      services.feedback.amend(identity, id, redactedText),
    ),
  },

  Organisation: {
    __resolveReference: allowReference(scopedToOrganisation, async (reference, context) => {
      await context.services.feedback.assertScoped(context.identity, reference.id, context.loaders);
      return { id: reference.id };
    }),
    feedback: allow(scopedToOrganisation, (organisation, { year, learnerGroup }, context) =>
      context.services.feedback.feedback(
        context.identity,
        organisation.id,
        year,
        context.loaders,
        learnerGroup ?? null,
      ),
    ),
  },

  ResponseCommentForReview: {
    year: allow(qualityTeam, (comment) => comment.cycleYear),
    region: allow(qualityTeam, (comment) => comment.region as NhsRegion),
    unredactedText: allow(qualityTeam, (comment, _args, { identity }) =>
      unredactedFor(comment, identity.kind === 'user' ? identity.region : null),
    ),
  },
};

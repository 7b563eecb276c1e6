import { allow, allowReference, roles, signedIn } from '@nets/shared/graphql-server';
import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../../__generated__/resolvers-types';
import type { AnalyticsContext } from '../analytics-context';

/**
 * Thin: each resolver states who may call it and calls one service method. Scoping by role, organisation
 * and region, and all suppression, happen in the results services and the analytics domain.
 */
export const analyticsResolvers: Resolvers<AnalyticsContext> = {
  DateTime: DateTimeResolver,

  Query: {
    measureResults: allow(signedIn, (_p, { year, measures, filter, groupBy }, { services, identity }) =>
      services.measureResults.measureResults(identity, year, measures, filter, groupBy),
    ),
    measureTrend: allow(
      signedIn,
      (_p, { measure, fromYear, toYear, filter, groupBy }, { services, identity }) =>
        services.trendsAndRankings.measureTrend(identity, measure, fromYear, toYear, filter, groupBy),
    ),
    reasonRanking: allow(signedIn, (_p, { year, questionCode, filter, groupBy }, { services, identity }) =>
      services.trendsAndRankings.reasonRanking(identity, year, questionCode, filter, groupBy),
    ),
    qualityFlags: allow(signedIn, (_p, { year, filter, flags, measures }, { services, identity }) =>
      services.qualityFlags.qualityFlags(identity, year, filter, flags, measures),
    ),
    nationalSummary: allow(signedIn, (_p, { year }, { services, identity }) =>
      services.nationalSummary.nationalSummary(identity, year),
    ),
    resultsRelease: allow(signedIn, (_p, { year }, { services }) => services.releases.status(year)),
  },

  Mutation: {
    releaseResults: allow(roles('ADMIN'), (_p, { year, expectedRespondents }, { services, identity }) =>
      services.releases.release(identity, year, expectedRespondents),
    ),
  },

  QualityFlag: {
    result: allow(signedIn, (flag) => flag),
  },

  Organisation: {
    __resolveReference: allowReference(signedIn, (reference) => ({ id: reference.id })),
    netsResults: allow(signedIn, (organisation, { year, measures }, { services, identity }) =>
      services.measureResults.organisationResults(identity, organisation.id, year, measures),
    ),
  },

  SurveyCycle: {
    __resolveReference: allowReference(signedIn, (reference) => ({ year: reference.year })),
    results: allow(signedIn, (cycle, { measures, filter, groupBy }, { services, identity }) =>
      services.measureResults.measureResults(identity, cycle.year, measures, filter, groupBy),
    ),
    resultsRelease: allow(signedIn, (cycle, _a, { services }) => services.releases.status(cycle.year)),
  },

  Measure: {
    __resolveReference: allowReference(signedIn, (reference) => ({ key: reference.key })),
    results: allow(signedIn, (measure, { year, filter, groupBy }, { services, identity }) =>
      services.measureResults.measureResults(identity, year, [measure.key], filter, groupBy),
    ),
  },
};

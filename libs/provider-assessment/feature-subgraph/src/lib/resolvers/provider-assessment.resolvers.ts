import { allow, signedIn } from '@nets/shared/graphql-server';
import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../../__generated__/resolvers-types';
import type { ProviderAssessmentContext } from '../provider-assessment-context';

/** Thin: each resolver states who may call it, calls one service method and returns the result. */
export const providerAssessmentResolvers: Resolvers<ProviderAssessmentContext> = {
  DateTime: DateTimeResolver,

  Query: {
    providerAssessmentHealth: allow(signedIn, (_parent, _args, { services }) => services.health.status()),
  },
};

import { allow, signedIn } from '@nets/shared/graphql-server';
import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../../__generated__/resolvers-types';
import type { AnalyticsContext } from '../analytics-context';

/** Thin: each resolver states who may call it, calls one service method and returns the result. */
export const analyticsResolvers: Resolvers<AnalyticsContext> = {
  DateTime: DateTimeResolver,

  Query: {
    analyticsHealth: allow(signedIn, (_parent, _args, { services }) => services.health.status()),
  },
};

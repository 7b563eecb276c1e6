import { allow, allowReference, anyone, roles, scopedByDomain, signedIn } from '@nets/shared/graphql-server';
import type { Region } from '@nets/shared/auth';
import {
  kindsForAudience,
  riskBand,
  riskScore,
  type ConcernRecord,
  type NotificationContactRecord,
} from '@nets/concerns/domain';
import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../../__generated__/resolvers-types';
import type { ConcernsContext } from '../concerns-context';
import { toConcernView, toTimelineView, type ConcernView } from '../presenters/concern.presenter';

/** The roles the lifecycle table names; the service checks the exact role and scope of each operation. */
const actors = scopedByDomain(
  'the concern lifecycle checks role, region and organisation for each operation',
);
const scoped = scopedByDomain('concerns are scoped by region, organisation or programme in the service');
const parent = scopedByDomain('the parent concern was scoped to the caller when it was loaded');
const AUTOMATIC = new Set([
  'LEARNER_SERIOUS_CONCERN',
  'ANALYTICS_RED_FLAG',
  'ANALYTICS_PERSISTENT_RED_FLAG',
  'PROVIDER_SELF_ASSESSMENT',
]);

/** A team mailbox as the graph shows it, with the kinds its scope receives. */
const contactView = (contact: NotificationContactRecord) => ({
  id: contact.id,
  organisation: contact.organisationId ? { id: contact.organisationId } : null,
  region: contact.region as Region | null,
  email: contact.email,
  name: contact.name,
  kinds: kindsForAudience(contact.organisationId ? 'ORGANISATION' : 'REGION'),
});

const view = (context: ConcernsContext) => (record: ConcernRecord) => toConcernView(record, context.identity);

function isOverdue(concern: ConcernView, now: Date, actionsDue: boolean): boolean {
  if (['RESOLVED', 'CLOSED', 'WITHDRAWN'].includes(concern.status)) return false;
  return actionsDue || (concern.nextUpdateDue !== null && concern.nextUpdateDue < now);
}

/** Thin: each resolver states who may call it, calls one service method and maps the result. */
export const concernsResolvers: Resolvers<ConcernsContext> = {
  DateTime: DateTimeResolver,

  Query: {
    concern: allow(scoped, async (_p, { id }, context) => {
      const found = await context.loaders.concernById.load(id);
      return toConcernView(
        context.services.queries.assertReadable(found, id, context.identity),
        context.identity,
      );
    }),
    concerns: allow(scoped, async (_p, { filter, first, after }, context) => {
      const page = await context.services.queries.list(
        context.identity,
        {
          organisationId: filter?.organisationId ?? undefined,
          region: filter?.region ?? undefined,
          status: filter?.status ?? undefined,
          isfLevel: filter?.isfLevel ?? undefined,
          category: filter?.category ?? undefined,
          overdue: filter?.overdue ?? undefined,
        },
        first ?? 20,
        after ?? undefined,
      );
      return { ...page, nodes: page.items.map(view(context)) };
    }),
    concernDashboard: allow(signedIn, async (_p, { region }, { services, identity }) => {
      const dashboard = await services.queries.dashboard(identity, region ?? undefined);
      return { ...dashboard, region: dashboard.region };
    }),
    concernFollowUp: allow(anyone, (_p, { followUpCode }, { services, clientAddress }) =>
      services.queries.followUp(followUpCode, clientAddress),
    ),
    concernIsfLevels: allow(signedIn, (_p, _a, { services }) => services.queries.isfLevels()),
    notificationContacts: allow(
      roles('ADMIN'),
      async (_p, { organisationId, region }, { services, identity }) =>
        (await services.notifications.contacts(identity, { organisationId, region })).map(contactView),
    ),
    myNotificationPreferences: allow(signedIn, (_p, _a, { services, identity }) =>
      services.notifications.myPreferences(identity),
    ),
  },

  Mutation: {
    raiseConcern: allow(actors, async (_p, { input }, context) =>
      view(context)(await context.services.raising.raise(context.identity, input)),
    ),
    triageConcern: allow(actors, async (_p, { id, expectedVersion, input }, context) =>
      view(context)(await context.services.triage.triage(context.identity, id, expectedVersion, input)),
    ),
    setConcernIsfLevel: allow(actors, async (_p, { id, expectedVersion, level, rationale }, context) =>
      view(context)(
        await context.services.triage.setIsfLevel(context.identity, id, expectedVersion, level, rationale),
      ),
    ),
    escalateConcern: allow(actors, async (_p, { id, expectedVersion, toStep, reason }, context) =>
      view(context)(
        await context.services.triage.escalate(context.identity, id, expectedVersion, toStep, reason),
      ),
    ),
    addConcernAction: allow(actors, async (_p, { id, expectedVersion, input }, context) =>
      view(context)(
        await context.services.actionPlans.addAction(context.identity, id, expectedVersion, input),
      ),
    ),
    agreeConcernActionPlan: allow(actors, async (_p, { id, expectedVersion, reason }, context) =>
      view(context)(
        await context.services.actionPlans.agreeActionPlan(context.identity, id, expectedVersion, reason),
      ),
    ),
    startConcernMonitoring: allow(actors, async (_p, { id, expectedVersion, reason }, context) =>
      view(context)(
        await context.services.actionPlans.startMonitoring(context.identity, id, expectedVersion, reason),
      ),
    ),
    postConcernUpdate: allow(actors, async (_p, { id, expectedVersion, input }, context) =>
      view(context)(
        await context.services.actionPlans.postUpdate(context.identity, id, expectedVersion, input),
      ),
    ),
    proposeConcernResolution: allow(actors, async (_p, { id, expectedVersion, evidence }, context) =>
      view(context)(
        await context.services.closure.proposeResolution(context.identity, id, expectedVersion, evidence),
      ),
    ),
    confirmConcernResolution: allow(actors, async (_p, { id, expectedVersion, accepted, reason }, context) =>
      view(context)(
        await context.services.closure.confirmResolution(
          context.identity,
          id,
          expectedVersion,
          accepted,
          reason,
        ),
      ),
    ),
    closeConcern: allow(actors, async (_p, { id, expectedVersion, reason }, context) =>
      view(context)(await context.services.closure.close(context.identity, id, expectedVersion, reason)),
    ),
    withdrawConcern: allow(actors, async (_p, { id, expectedVersion, reason }, context) =>
      view(context)(await context.services.closure.withdraw(context.identity, id, expectedVersion, reason)),
    ),
    shareConcernWithRegulators: allow(
      actors,
      async (_p, { id, expectedVersion, regulators, summary }, context) =>
        view(context)(
          await context.services.communication.shareWithRegulators(
            context.identity,
            id,
            expectedVersion,
            regulators,
            summary,
          ),
        ),
    ),
    replyToLearner: allow(actors, async (_p, { id, expectedVersion, text }, context) =>
      view(context)(
        await context.services.communication.replyToLearner(context.identity, id, expectedVersion, text),
      ),
    ),
    configureConcernIsfLevels: allow(roles('ADMIN'), (_p, { levels }, { services, identity }) =>
      services.isfConfig.configure(identity, levels),
    ),
    addNotificationContact: allow(roles('ADMIN'), async (_p, { input }, { services, identity }) =>
      contactView(await services.notifications.addContact(identity, input)),
    ),
    removeNotificationContact: allow(roles('ADMIN'), (_p, { id }, { services, identity }) =>
      services.notifications.removeContact(identity, id),
    ),
    setMyNotificationPreferences: allow(signedIn, (_p, { input }, { services, identity }) =>
      services.notifications.setMyPreferences(identity, input),
    ),
    clearMyNotificationPreferences: allow(signedIn, (_p, _a, { services, identity }) =>
      services.notifications.clearMyPreferences(identity),
    ),
  },

  Concern: {
    __resolveReference: allowReference(scoped, async (reference, context) => {
      const found = await context.loaders.concernById.load(reference.id);
      return toConcernView(
        context.services.queries.assertReadable(found, reference.id, context.identity),
        context.identity,
      );
    }),
    isTriageCandidate: allow(
      parent,
      (concern) => concern.status === 'RAISED' && AUTOMATIC.has(concern.source),
    ),
    organisation: allow(parent, (concern) => ({ id: concern.organisationId })),
    region: allow(parent, (concern) => concern.region as Region | null),
    risk: allow(parent, (concern) =>
      concern.likelihood !== null && concern.consequence !== null
        ? {
            likelihood: concern.likelihood,
            consequence: concern.consequence,
            score: riskScore({ likelihood: concern.likelihood, consequence: concern.consequence }),
            band: riskBand({ likelihood: concern.likelihood, consequence: concern.consequence }),
            controls: concern.controls,
          }
        : null,
    ),
    isfLevel: allow(parent, async (concern, _a, { loaders }) => {
      if (concern.isfLevel === null || concern.isfConfigVersion === null) return null;
      const levels = await loaders.isfVersion.load(concern.isfConfigVersion);
      return levels.find((level) => level.level === concern.isfLevel) ?? null;
    }),
    actions: allow(parent, (concern, _a, { loaders }) => loaders.actions.load(concern.id)),
    timeline: allow(parent, async (concern, _a, { loaders }) =>
      (await loaders.timeline.load(concern.id)).map((entry, index) => toTimelineView(entry, index, concern)),
    ),
    regulatorShares: allow(parent, (concern, _a, { loaders }) => loaders.shares.load(concern.id)),
    overdue: allow(parent, async (concern, _a, { loaders, services }) => {
      const now = services.queries.now();
      const actions = await loaders.actions.load(concern.id);
      return isOverdue(
        concern,
        now,
        actions.some((action) => action.status === 'OPEN' && action.dueAt !== null && action.dueAt < now),
      );
    }),
    learnerDetails: allow(parent, (concern) =>
      concern.learnerDetails
        ? {
            text: concern.learnerDetails.text,
            contactName: concern.learnerDetails.contact?.name ?? null,
            contactEmail: concern.learnerDetails.contact?.email ?? null,
            contactPhone: concern.learnerDetails.contact?.phone ?? null,
          }
        : null,
    ),
  },

  ConcernAction: {
    overdue: allow(
      parent,
      (action, _a, { services }) =>
        action.status === 'OPEN' && action.dueAt !== null && action.dueAt < services.queries.now(),
    ),
  },

  ConcernIsfLevel: {
    configVersion: allow(signedIn, (level) => level.version),
  },

  Organisation: {
    __resolveReference: allowReference(signedIn, (reference) => ({ id: reference.id })),
    concerns: allow(scoped, async (organisation, { status, first }, context) =>
      (
        await context.services.queries.forOrganisation(
          context.identity,
          organisation.id,
          first ?? 20,
          status ?? undefined,
        )
      ).map(view(context)),
    ),
  },
};

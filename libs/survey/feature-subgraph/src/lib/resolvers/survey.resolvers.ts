import { allow, allowReference, anyone, roles, scopedByDomain, signedIn } from '@nets/shared/graphql-server';
import { requireRole } from '@nets/shared/auth';
import { NotFoundError } from '@nets/shared/util-errors';
import { DateTimeResolver } from 'graphql-scalars';
import type { QualityStandardRecord } from '@nets/survey/domain';
import type { Resolvers } from '../../__generated__/resolvers-types';
import { toQuestionnaireView } from '../presenters/questionnaire.presenter';
import type { SurveyContext } from '../survey-context';

const admin = roles('ADMIN');

export const surveyResolvers: Resolvers<SurveyContext> = {
  DateTime: DateTimeResolver,

  Query: {
    qualityFramework: allow(signedIn, (_parent, { edition }, { services }) =>
      services.referenceData.framework(edition ?? undefined),
    ),
    qualityDomain: allow(signedIn, (_parent, { number, edition }, { services }) =>
      services.referenceData.domain(number, edition ?? undefined),
    ),
    qualityStandard: allow(signedIn, (_parent, { code }, { loaders }) => loaders.standardByCode.load(code)),
    measures: allow(signedIn, (_parent, { theme }, { services }) =>
      services.referenceData.measures(theme ?? undefined),
    ),
    measure: allow(signedIn, (_parent, { key }, { loaders }) => loaders.measureByKey.load(key)),
    learnerGroups: allow(anyone, (_parent, _args, { services }) => services.referenceData.learnerGroups()),
    publishedReasonShares: allow(signedIn, (_parent, { year }, { services }) =>
      services.referenceData.publishedReasonShares(year),
    ),
    surveyCycles: allow(signedIn, (_parent, _args, { services }) => services.cycles.list()),
    surveyCycle: allow(signedIn, (_parent, { year }, { loaders }) => loaders.cycleByYear.load(year)),
    openSurveyCycle: allow(anyone, (_parent, _args, { services }) => services.cycles.open()),
    questionnaire: allow(signedIn, async (_parent, { id }, { loaders }) => {
      const found = await loaders.questionnaireById.load(id);
      return found ? toQuestionnaireView(found) : null;
    }),
  },

  Mutation: {
    createSurveyCycle: allow(admin, (_parent, { input }, { services }) => services.cycles.create(input)),
    saveQuestionnaireDraft: allow(admin, async (_parent, { input }, { services }) =>
      toQuestionnaireView(await services.questionnaires.saveDraft(input)),
    ),
    publishQuestionnaire: allow(admin, async (_parent, { year }, { services, identity }) =>
      toQuestionnaireView(await services.questionnaires.publish(year, requireRole(identity, 'ADMIN'))),
    ),
    openSurveyCycle: allow(admin, (_parent, { year, override }, { services, identity }) =>
      services.cycles.openCycle(year, requireRole(identity, 'ADMIN'), override?.reason),
    ),
    closeSurveyCycle: allow(admin, (_parent, { year }, { services }) =>
      services.cycles.closeCycle(year, 'ADMIN'),
    ),
    importSurveyCycle: allow(admin, (_parent, { input }, { services, identity }) =>
      services.imports.importPastCycle(input, requireRole(identity, 'ADMIN')),
    ),
  },

  QualityStandard: {
    __resolveReference: allowReference(signedIn, async (reference, { loaders }) => {
      const standard = await loaders.standardByCode.load(reference.code);
      if (!standard) throw new NotFoundError(`No Quality Framework standard ${reference.code}.`);
      return standard;
    }),
  },

  Measure: {
    __resolveReference: allowReference(signedIn, async (reference, { loaders }) => {
      const measure = await loaders.measureByKey.load(reference.key);
      if (!measure) throw new NotFoundError(`No measure ${reference.key}.`);
      return measure;
    }),
    publishedFigures: allow(signedIn, (measure, _args, { services }) =>
      services.referenceData.publishedFigures(measure.key),
    ),
    standards: allow(signedIn, async (measure, _args, { loaders }) => {
      const standards = await loaders.standardByCode.loadMany(measure.standardCodes);
      return standards.filter((s): s is QualityStandardRecord => s !== undefined && !(s instanceof Error));
    }),
  },

  QuestionOption: {
    exclusive: allow(anyone, (option) => option.exclusive === true),
  },

  SurveyCycle: {
    __resolveReference: allowReference(
      scopedByDomain('anonymous callers see only the open cycle'),
      async (reference, { loaders, services, identity }) => {
        const cycle = await loaders.cycleByYear.load(reference.year);
        if (!cycle) throw new NotFoundError(`No ${reference.year} survey cycle.`);
        services.cycles.assertReadable(cycle, identity);
        return cycle;
      },
    ),
    questionnaire: allow(
      scopedByDomain('anonymous callers read only the open cycle'),
      async (cycle, _args, { loaders, services, identity }) => {
        services.cycles.assertReadable(cycle, identity);
        if (!cycle.questionnaireId) return null;
        const found = await loaders.questionnaireById.load(cycle.questionnaireId);
        return found ? toQuestionnaireView(found) : null;
      },
    ),
    questionnaires: allow(admin, async (cycle, _args, { services }) =>
      (await services.questionnaires.forYear(cycle.year)).map(toQuestionnaireView),
    ),
    overrides: allow(admin, (cycle, _args, { services }) => services.cycles.overrides(cycle.year)),
  },
};

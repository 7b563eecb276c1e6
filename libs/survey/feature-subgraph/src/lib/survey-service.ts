import { join } from 'node:path';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import { createUnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { surveyTopic } from '@nets/survey/contract-events';
import {
  QuestionnaireRepository,
  ReferenceDataRepository,
  SURVEY_ENTITIES,
  SURVEY_MIGRATIONS,
  SurveyCycleRepository,
} from '@nets/survey/data-access';
import { surveyResolvers } from './resolvers/survey.resolvers';
import { CycleImportService } from './services/cycle-import.service';
import { QuestionnaireService } from './services/questionnaire.service';
import { ReferenceDataService } from './services/reference-data.service';
import { SurveyCycleService } from './services/survey-cycle.service';
import { createSurveyContext, type SurveyContext, type SurveyServices } from './survey-context';

export const SURVEY_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

export const surveyService: ServiceDefinition<SurveyContext> = {
  name: 'survey',
  typeDefs: loadSchemaFiles(SURVEY_SCHEMA_FOLDER),
  entities: SURVEY_ENTITIES,
  migrations: SURVEY_MIGRATIONS,
  topics: [surveyTopic],
  createModule({ dataSource, logger }) {
    const unitOfWork = createUnitOfWork(dataSource);
    const cycleRepository = new SurveyCycleRepository();
    const questionnaireRepository = new QuestionnaireRepository();
    const referenceData = new ReferenceDataService(new ReferenceDataRepository(dataSource));
    const services: SurveyServices = {
      referenceData,
      cycles: new SurveyCycleService(unitOfWork, cycleRepository, questionnaireRepository),
      questionnaires: new QuestionnaireService(
        unitOfWork,
        questionnaireRepository,
        cycleRepository,
        referenceData,
      ),
      imports: new CycleImportService(unitOfWork, cycleRepository, questionnaireRepository, referenceData),
    };
    return {
      resolvers: surveyResolvers,
      extendContext: (base) => createSurveyContext(base, services),
      scheduledJobs: [
        {
          name: 'survey.close-due-cycles',
          runAtStart: true,
          run: async () => {
            const closed = await services.cycles.closeDueCycles();
            closed.forEach((year) => logger.info({ year }, 'survey cycle closed at its closing time'));
          },
        },
      ],
    };
  },
};

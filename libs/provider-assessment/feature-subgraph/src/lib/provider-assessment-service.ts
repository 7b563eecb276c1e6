import { join } from 'node:path';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import { createUnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ServiceDefinition } from '@nets/shared/service-runtime';
import { assessmentsTopic, organisationsTopic } from '@nets/provider-assessment/contract-events';
import {
  OrganisationRepository,
  PROVIDER_ASSESSMENT_ENTITIES,
  PROVIDER_ASSESSMENT_MIGRATIONS,
  SelfAssessmentRepository,
} from '@nets/provider-assessment/data-access';
import { providerAssessmentResolvers } from './resolvers/provider-assessment.resolvers';
import { OrganisationService } from './services/organisation.service';
import { SelfAssessmentService } from './services/self-assessment.service';
import {
  createProviderAssessmentContext,
  type ProviderAssessmentContext,
  type ProviderAssessmentServices,
} from './provider-assessment-context';

export const PROVIDER_ASSESSMENT_SCHEMA_FOLDER = join(__dirname, '..', 'schema');

/** What the service runtime starts: schema, database, topics, and the module of services and resolvers. */
export const providerAssessmentService: ServiceDefinition<ProviderAssessmentContext> = {
  name: 'provider-assessment',
  typeDefs: loadSchemaFiles(PROVIDER_ASSESSMENT_SCHEMA_FOLDER),
  entities: PROVIDER_ASSESSMENT_ENTITIES,
  migrations: PROVIDER_ASSESSMENT_MIGRATIONS,
  topics: [organisationsTopic, assessmentsTopic],
  createModule({ dataSource }) {
    const unitOfWork = createUnitOfWork(dataSource);
    const organisations = new OrganisationRepository();
    const services: ProviderAssessmentServices = {
      organisations: new OrganisationService(unitOfWork, organisations),
      selfAssessments: new SelfAssessmentService(unitOfWork, new SelfAssessmentRepository(), organisations),
    };
    return {
      resolvers: providerAssessmentResolvers,
      extendContext: (base) => createProviderAssessmentContext(base, services),
    };
  },
};

import { SURVEY_ENTITIES, SURVEY_MIGRATIONS } from '@nets/survey/data-access';
import { PROVIDER_ASSESSMENT_ENTITIES, PROVIDER_ASSESSMENT_MIGRATIONS } from '@nets/provider-assessment/data-access';
import { CONCERNS_ENTITIES, CONCERNS_MIGRATIONS } from '@nets/concerns/data-access';
import { RESPONSE_ENTITIES, RESPONSE_MIGRATIONS } from '@nets/response/data-access';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '@nets/analytics/data-access';

/** Each service's entities and migrations, for the schema tools. */
export const SERVICE_DATABASES = [
  { service: 'survey', entities: SURVEY_ENTITIES, migrations: SURVEY_MIGRATIONS },
  {
    service: 'provider-assessment',
    entities: PROVIDER_ASSESSMENT_ENTITIES,
    migrations: PROVIDER_ASSESSMENT_MIGRATIONS,
  },
  { service: 'concerns', entities: CONCERNS_ENTITIES, migrations: CONCERNS_MIGRATIONS },
  { service: 'response', entities: RESPONSE_ENTITIES, migrations: RESPONSE_MIGRATIONS },
  { service: 'analytics', entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS },
];

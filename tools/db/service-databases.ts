import { SURVEY_ENTITIES, SURVEY_MIGRATIONS } from '@nets/survey/data-access';

/** Each service's entities and migrations, for the schema tools. */
export const SERVICE_DATABASES = [
  { service: 'survey', entities: SURVEY_ENTITIES, migrations: SURVEY_MIGRATIONS },
];

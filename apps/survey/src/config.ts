import { serviceConfigSchema } from '@nets/shared/service-runtime';

export const surveyConfigSchema = serviceConfigSchema({ port: 4101, database: 'nets_survey' });

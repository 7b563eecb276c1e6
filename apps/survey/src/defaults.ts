/** Local defaults; PORT and DATABASE_URL override them. */
export const SURVEY_DEFAULTS = { port: 4101, database: 'nets_survey' };

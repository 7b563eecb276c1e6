/** Local defaults; PORT and DATABASE_URL override them. */
export const PROVIDER_ASSESSMENT_DEFAULTS = { port: 4102, database: 'nets_provider_assessment' };

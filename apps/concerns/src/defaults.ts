/** Local defaults; PORT and DATABASE_URL override them. */
export const CONCERNS_DEFAULTS = { port: 4105, database: 'nets_concerns' };

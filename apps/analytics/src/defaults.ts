/** Local defaults; PORT and DATABASE_URL override them. */
export const ANALYTICS_DEFAULTS = { port: 4104, database: 'nets_analytics' };

/** Local defaults; PORT and DATABASE_URL override them. */
export const RESPONSE_DEFAULTS = { port: 4103, database: 'nets_response' };

/** Every TypeORM entity of the concerns database. */
export const CONCERNS_ENTITIES: Array<new () => object> = [];

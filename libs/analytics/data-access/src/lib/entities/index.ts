/** Every TypeORM entity of the analytics database. */
export const ANALYTICS_ENTITIES: Array<new () => object> = [];

/** Every TypeORM entity of the response database. */
export const RESPONSE_ENTITIES: Array<new () => object> = [];

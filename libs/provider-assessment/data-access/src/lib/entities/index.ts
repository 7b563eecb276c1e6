/** Every TypeORM entity of the provider-assessment database. */
export const PROVIDER_ASSESSMENT_ENTITIES: Array<new () => object> = [];

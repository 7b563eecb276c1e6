import type { MigrationInterface } from 'typeorm';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const RESPONSE_MIGRATIONS: Array<new () => MigrationInterface> = [];

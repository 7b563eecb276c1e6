import type { MigrationInterface } from 'typeorm';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const ANALYTICS_MIGRATIONS: Array<new () => MigrationInterface> = [];

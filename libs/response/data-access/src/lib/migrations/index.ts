import type { MigrationInterface } from 'typeorm';
import { REPLICA_MIGRATIONS } from '@nets/replicas/data-access';
import { ResponseSchema1732260000000 } from './1732260000000-response-schema';
import { UnlinkableResponses1765000100000 } from './1765000100000-unlinkable-responses';
import { SubmissionRateLimit1765200000000 } from './1765200000000-submission-rate-limit';
import { SubmitInOneStatement1767000000000 } from './1767000000000-submit-in-one-statement';
import { EducationProvider1767100000000 } from './1767100000000-education-provider';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const RESPONSE_MIGRATIONS: Array<new () => MigrationInterface> = [
  ...REPLICA_MIGRATIONS,
  ResponseSchema1732260000000,
  UnlinkableResponses1765000100000,
  SubmissionRateLimit1765200000000,
  SubmitInOneStatement1767000000000,
  EducationProvider1767100000000,
];

import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { ServiceDependencies } from '@nets/shared/service-runtime';
import { RateLimitedError } from '@nets/shared/util-errors';

/** Created by the response service's migration (the library never creates it at runtime). */
export const SUBMISSION_RATE_LIMIT_TABLE = 'submission_rate_limit';

export interface SubmissionRateLimits {
  points: number;
  windowSeconds: number;
}

/**
 * Limits anonymous writes per client address (the gateway forwards it). The counts live in the response
 * service's database, so every replica draws on one budget per address. Should the database not answer, each
 * process falls back to a budget of its own rather than refusing learners.
 */
export class SubmissionRateLimiter {
  private readonly limiter: RateLimiterPostgres;

  constructor(dataSource: ServiceDependencies['dataSource'], limits: SubmissionRateLimits) {
    const options = { points: limits.points, duration: limits.windowSeconds, keyPrefix: 'response-submit' };
    this.limiter = new RateLimiterPostgres({
      ...options,
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: SUBMISSION_RATE_LIMIT_TABLE,
      tableCreated: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  async consume(clientAddress: string): Promise<void> {
    try {
      await this.limiter.consume(keyOf(clientAddress));
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new RateLimitedError(
          `Too many submissions from this address. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        );
      }
      throw error;
    }
  }
}

/** The table holds no plain addresses: a digest is enough to count by (rows go an hour after their window). */
const keyOf = (clientAddress: string): string =>
  createHash('sha256')
    .update(clientAddress || 'unknown')
    .digest('base64url');

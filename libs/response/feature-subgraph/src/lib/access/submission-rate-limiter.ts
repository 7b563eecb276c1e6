import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '@nets/shared/util-errors';

/**
 * Limits anonymous writes per client address (the gateway forwards it). In memory per process: with N
 * replicas an address gets up to N times the limit, which still stops a script hammering the survey.
 */
export class SubmissionRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(points: number, windowSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix: 'response-submit' });
  }

  async consume(clientAddress: string): Promise<void> {
    try {
      await this.limiter.consume(clientAddress || 'unknown');
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

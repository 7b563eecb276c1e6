import { TestEnvironment } from 'jest-environment-node';
import type { Circus } from '@jest/types';
import { FAILURE_FLAG } from './failure-flag';

/** Node environment that records whether any test or hook of the file failed. */
export default class FailureAwareEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    const failed =
      (event.name === 'test_done' && event.test.errors.length > 0) || event.name === 'hook_failure';
    if (failed) this.global[FAILURE_FLAG] = true;
  }
}

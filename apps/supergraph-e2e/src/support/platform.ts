import { startProcessPlatform } from '@nets/shared/testing';
import { anyTestFailed } from './failure-flag';

export interface E2ePlatform {
  gatewayUrl: string;
  /** Every topic of this platform is `${topicPrefix}nets.…`. */
  topicPrefix: string;
  /** Subgraph name → its own URL (for the record: journeys go through the gateway only). */
  subgraphUrls: Record<string, string>;
  /** Services that crashed while starting and were restarted, for the record. */
  restarts: readonly string[];
  stop(): Promise<void>;
}

/**
 * The platform as production runs it, for one spec file (`startProcessPlatform` of the shared testing lib:
 * each service its own process on a fresh database, the gateway in front, a topic prefix of its own).
 * `stop()` shuts everything down; when a test of the file failed it first prints what the processes logged.
 */
export async function startPlatform(label: string): Promise<E2ePlatform> {
  const logLevel = process.env['E2E_LOG_LEVEL'] ?? 'warn';
  const platform = await startProcessPlatform({
    label: 'e2e',
    env: {
      LOG_LEVEL: logLevel,
      SCHEDULE_INTERVAL_MS: '300',
      // Every journey submits from 127.0.0.1: the per-address limit is for the internet, not this test.
      RESPONSE_SUBMIT_RATE_LIMIT: '10000',
    },
  });
  return {
    gatewayUrl: platform.gatewayUrl,
    topicPrefix: platform.topicPrefix,
    subgraphUrls: platform.subgraphUrls,
    restarts: platform.restarts,
    async stop() {
      if (anyTestFailed()) {
        process.stderr.write(
          `\n--- ${label}: a test failed; what the platform's processes logged (LOG_LEVEL ${logLevel}) ---\n` +
            `${platform.output() || '(nothing)'}\n`,
        );
      }
      await platform.stop();
    },
  };
}

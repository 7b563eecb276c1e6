import type { Admin, ITopicConfig } from 'kafkajs';
import type { TopicDefinition } from '@nets/shared/contract-events';

export const DLQ_SUFFIX = '.dlq';

/** The physical topic name: the deployment prefix plus the contract's name. */
export function physicalTopic(prefix: string, logicalName: string): string {
  return `${prefix}${logicalName}`;
}

export function deadLetterTopic(physicalName: string): string {
  return `${physicalName}${DLQ_SUFFIX}`;
}

export interface ProvisionOptions {
  prefix: string;
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates each topic and its dead-letter topic if missing (brokers do not auto-create). Compacted
 * topics keep the latest message per key. Safe to run from every service at start.
 */
export async function provisionTopics(
  admin: Admin,
  topics: readonly TopicDefinition[],
  options: ProvisionOptions,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const wanted: ITopicConfig[] = [];
  for (const topic of topics) {
    const name = physicalTopic(options.prefix, topic.name);
    const configEntries = topic.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [];
    for (const candidate of [
      { topic: name, configEntries },
      { topic: deadLetterTopic(name), configEntries: [] },
    ]) {
      if (!existing.has(candidate.topic) && !wanted.some((w) => w.topic === candidate.topic)) {
        wanted.push({
          ...candidate,
          numPartitions: options.partitions,
          replicationFactor: options.replicationFactor,
        });
      }
    }
  }
  if (wanted.length > 0) {
    await admin.createTopics({ topics: wanted, waitForLeaders: true });
  }
  return wanted.map((topic) => topic.topic);
}

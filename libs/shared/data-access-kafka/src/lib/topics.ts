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
 * topics keep the latest message per key. Safe to run from every service at start, even from several at once.
 */
export async function provisionTopics(
  admin: Admin,
  topics: readonly TopicDefinition[],
  options: ProvisionOptions,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const wanted: ITopicConfig[] = [];
  const all: string[] = [];
  for (const topic of topics) {
    const name = physicalTopic(options.prefix, topic.name);
    all.push(name, deadLetterTopic(name));
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
  let failure: unknown;
  if (wanted.length > 0) {
    try {
      await admin.createTopics({ topics: wanted, waitForLeaders: true });
    } catch (error) {
      // Another service created some of them at the same moment: fine once every topic has a leader.
      failure = error;
    }
  }
  // Topics another service is creating at this moment are listed before their partitions are hosted, and a
  // consumer subscribing then fails ("This server does not host this topic-partition"): wait for leaders.
  await waitForTopics(admin, all, failure);
  return wanted.map((topic) => topic.topic);
}

async function waitForTopics(admin: Admin, names: readonly string[], cause: unknown): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const existing = new Set(await admin.listTopics());
      if (names.every((name) => existing.has(name))) {
        const metadata = await admin.fetchTopicMetadata({ topics: [...names] });
        const led = metadata.topics.every((topic) =>
          topic.partitions.every((partition) => partition.leader >= 0),
        );
        if (led) return;
      }
    } catch {
      // metadata not there yet: retry until the deadline
    }
    if (Date.now() > deadline) {
      if (cause instanceof Error) throw cause;
      throw new Error(`Topics without a leader after 15 s: ${names.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

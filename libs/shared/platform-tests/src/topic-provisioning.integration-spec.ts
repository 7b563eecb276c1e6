import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';
import { physicalTopic, provisionTopics } from '@nets/shared/data-access-kafka';
import { deleteTestTopics, testKafkaClient, uniqueTopicPrefix } from '@nets/shared/testing';

const topics = ['nets.alpha.v1', 'nets.beta.v1', 'nets.gamma.v1'].map((name) =>
  defineTopic({
    name,
    visibility: 'restricted',
    producer: 'test',
    description: 'A topic two services provision at the same moment.',
    key: 'id',
    events: { 'nets.test.happened.v1': z.object({ id: z.string() }) },
    eventDescriptions: { 'nets.test.happened.v1': 'Something happened.' },
  }),
);

/**
 * `npm start` on a fresh broker: every service provisions the topics it reads and writes at the same
 * moment, so most find a topic another has just created. Each must be able to subscribe at once after.
 */
describe('provisionTopics when services start together', () => {
  const prefixes: string[] = [];

  afterAll(async () => {
    for (const prefix of prefixes) await deleteTestTopics(prefix);
  });

  it('returns only once every topic it needs is hosted, whoever created it', async () => {
    const kafka = testKafkaClient('provisioning-spec');
    for (let round = 0; round < 3; round += 1) {
      const prefix = uniqueTopicPrefix();
      prefixes.push(prefix);
      const admins = [kafka.admin(), kafka.admin(), kafka.admin()];
      await Promise.all(admins.map((admin) => admin.connect()));
      await Promise.all(
        admins.map((admin) =>
          provisionTopics(admin, topics, { prefix, partitions: 3, replicationFactor: 1 }),
        ),
      );
      const names = topics.map((t) => physicalTopic(prefix, t.name));
      expect((await admins[0].listTopics()).filter((name) => name.startsWith(prefix))).toHaveLength(6);

      const consumer = kafka.consumer({ groupId: `${prefix}spec`, allowAutoTopicCreation: false });
      await consumer.connect();
      await consumer.subscribe({ topics: names });
      await consumer.disconnect();
      const metadata = await admins[0].fetchTopicMetadata({ topics: names });
      for (const topic of metadata.topics) {
        expect(topic.partitions.map((p) => p.leader >= 0)).toEqual([true, true, true]);
      }
      await Promise.all(admins.map((admin) => admin.disconnect()));
    }
  }, 60_000);
});

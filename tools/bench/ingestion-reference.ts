// The limits the ingestion figure is measured against, in the same run: the response service's submit
// transaction run straight against PostgreSQL (same SQL, same repository, no HTTP, no GraphQL, no validation),
// both as the service writes it now (`response_submit`, one statement) and as it wrote it before (a
// transaction of one statement per table, the reference of earlier runs), and a raw KafkaJS produce of the same
// event payloads.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createEvent } from '@nets/shared/contract-events';
import {
  createIdempotentProducer,
  createKafkaClient,
  kafkaConfigSchema,
  physicalTopic,
  provisionTopics,
} from '@nets/shared/data-access-kafka';
import {
  appendToOutbox,
  createServiceDataSource,
  databaseConfigSchema,
  dropDatabase,
  ensureDatabase,
  inTransaction,
  transactionOf,
  migrateDatabase,
} from '@nets/shared/data-access-typeorm';
import { createLogger } from '@nets/shared/util-logger';
import { responsesTopic } from '@nets/response/contract-events';
import { RESPONSE_ENTITIES, RESPONSE_MIGRATIONS, ResponseRepository } from '@nets/response/data-access';
import { type NewResponseRecord } from '@nets/response/domain';
import { BROKERS, DATABASE_SERVER, uniqueName } from './bench-kit';
import type { BenchOrganisation, BenchSurvey } from './platform-setup';

const SERVICE_POOL_SIZE = 10;

function record(survey: BenchSurvey, organisation: BenchOrganisation): NewResponseRecord {
  const comment = survey.answers.find((answer) => answer.text !== undefined);
  return {
    id: randomUUID(),
    cycleYear: survey.year,
    questionnaireId: survey.questionnaireId,
    questionnaireVersion: 1,
    organisationId: organisation.id,
    siteId: organisation.siteId,
    region: organisation.region,
    learnerGroup: 'NURSING',
    profession: 'STUDENT_NURSE_ADULT',
    programme: 'BSc Nursing',
    yearOfTraining: null,
    specialty: 'Acute medicine',
    placementStart: null,
    placementEnd: null,
    submittedOn: new Date().toISOString().slice(0, 10),
    imported: false,
    answers: survey.answers
      .filter((answer) => answer.optionCodes)
      .map((answer) => ({ questionCode: answer.questionCode, optionCodes: answer.optionCodes ?? [] })),
    comments: comment
      ? [
          {
            id: randomUUID(),
            questionCode: comment.questionCode,
            originalText: comment.text ?? '',
            redactedText: '',
            status: 'PENDING',
            reviewReasons: [],
          },
        ]
      : [],
  };
}

function submittedEvent(response: NewResponseRecord) {
  return createEvent(
    responsesTopic,
    'nets.response.submitted.v1',
    {
      responseId: response.id,
      cycleYear: response.cycleYear,
      questionnaireId: response.questionnaireId,
      questionnaireVersion: response.questionnaireVersion,
      submittedOn: response.submittedOn,
      profile: {
        learnerGroup: response.learnerGroup,
        profession: response.profession,
        programme: response.programme,
        yearOfTraining: response.yearOfTraining,
      },
      placement: { organisationId: response.organisationId, siteId: response.siteId },
      answers: response.answers,
      imported: false,
    },
    {
      source: '/nets/response',
      subject: response.organisationId,
      time: new Date(`${response.submittedOn}T00:00:00Z`),
    },
  );
}

/**
 * Submit transactions per second straight into a fresh response database by `concurrency` workers over the
 * service's pool size: claim the idempotency key, insert response, answers and comment, append the outbox row.
 * `one-statement`: as the service writes it (`ResponseRepository.submit`); `per-table`: the same rows in a
 * transaction of one statement each (what the service did before, and the earlier runs' reference).
 */
export async function rawPostgresRate(
  survey: BenchSurvey,
  organisations: readonly BenchOrganisation[],
  options: { seconds: number; concurrency: number; write: 'one-statement' | 'per-table' },
): Promise<number> {
  const url = `${DATABASE_SERVER}/${uniqueName('nets_bench_rawpg')}`;
  await ensureDatabase(url);
  const dataSource = createServiceDataSource({
    service: 'bench-raw-pg',
    config: databaseConfigSchema('unused').parse({
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: SERVICE_POOL_SIZE,
    }),
    entities: RESPONSE_ENTITIES,
    migrations: RESPONSE_MIGRATIONS,
  });
  await migrateDatabase(dataSource);
  await dataSource.initialize();
  const responses = new ResponseRepository();
  let done = 0;
  try {
    const deadline = Date.now() + options.seconds * 1000;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: options.concurrency }, async (_, worker) => {
        for (let index = worker; Date.now() < deadline; index += options.concurrency) {
          const response = record(survey, organisations[index % organisations.length]);
          const event = submittedEvent(response);
          const submission = {
            idempotencyKey: randomUUID(),
            requestHash: createHash('sha256').update(response.id).digest('hex'),
            responseId: response.id,
            receiptCode: randomBytes(6).toString('hex').toUpperCase(),
          };
          const entry = { topic: responsesTopic.name, key: response.organisationId, event };
          if (options.write === 'one-statement') {
            const stored = await responses.submit(transactionOf(dataSource.manager), submission, response, [
              entry,
            ]);
            if (!stored) throw new Error('a fresh idempotency key was already claimed');
          } else {
            await inTransaction(dataSource, async (tx) => {
              const claimed = await responses.claimSubmission(transactionOf(tx), submission);
              if (!claimed) throw new Error('a fresh idempotency key was already claimed');
              await responses.insertResponse(transactionOf(tx), response);
              await appendToOutbox(tx, [entry]);
            });
          }
          done += 1;
        }
      }),
    );
    return done / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await dataSource.destroy();
    await dropDatabase(url);
  }
}

/** Events per second of a raw KafkaJS idempotent producer sending the same payloads in batches, acks=all. */
export async function rawKafkaRate(
  survey: BenchSurvey,
  organisations: readonly BenchOrganisation[],
  events: number,
): Promise<number> {
  const prefix = `${uniqueName('bench_rawkafka')}.`;
  const kafka = createKafkaClient(
    kafkaConfigSchema.parse({ KAFKA_BROKERS: BROKERS }),
    'bench-raw-kafka',
    createLogger('bench', 'warn'),
  );
  const admin = kafka.admin();
  await admin.connect();
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    await provisionTopics(admin, [responsesTopic], { prefix, partitions: 3, replicationFactor: 1 });
    const messages = Array.from({ length: events }, (_, index) => {
      const response = record(survey, organisations[index % organisations.length]);
      return { key: response.organisationId, value: JSON.stringify(submittedEvent(response)) };
    });
    const started = process.hrtime.bigint();
    for (let index = 0; index < messages.length; index += 500) {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [
          { topic: physicalTopic(prefix, responsesTopic.name), messages: messages.slice(index, index + 500) },
        ],
      });
    }
    return events / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [physicalTopic(prefix, responsesTopic.name)] }).catch(() => undefined);
    await admin.disconnect();
  }
}

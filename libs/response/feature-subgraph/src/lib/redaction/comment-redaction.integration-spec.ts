import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  createUnitOfWork,
  databaseConfigSchema,
  migrateDatabase,
  type UnitOfWork,
} from '@nets/shared/data-access-typeorm';
import { createTestDatabase, type TestDatabase } from '@nets/shared/testing';
import { ReplicaRepository } from '@nets/replicas/data-access';
import {
  FeedbackReleaseRepository,
  RESPONSE_ENTITIES,
  RESPONSE_MIGRATIONS,
  ResponseCommentRepository,
  ResponseRepository,
} from '@nets/response/data-access';
import type { NewResponseRecord } from '@nets/response/domain';
import {
  commentReviewDecisions,
  commentsInReview,
  commentsInReviewOldestAge,
  commentsQueuedForReview,
  type CommentReviewDecision,
} from '@nets/shared/observability';
import { ConflictError } from '@nets/shared/util-errors';
import { FeedbackService } from '../services/feedback.service';
import { CommentRedactionService } from './comment-redaction.service';
import { RedactorCache } from './redactor-cache';
import { reviewQueueCollector } from './review-queue-metrics';

jest.setTimeout(120_000);

const PHONE = '07700 900123';
/** An identifier the redactor cannot place: the comment waits for the regional quality team. */
const UNSURE = 'My Datix 88812345 about the rota went unanswered.';
const ORGANISATION = randomUUID();

/** Two processes of the response service on one database: each its own pool, unit of work and redactor. */
describe('comments stored before redaction, redacted in the background', () => {
  let database: TestDatabase;
  const dataSources: DataSource[] = [];
  const units: UnitOfWork[] = [];
  const services: CommentRedactionService[] = [];
  const responses = new ResponseRepository();
  const comments = new ResponseCommentRepository();
  const releases = new FeedbackReleaseRepository();

  const dataSourceOf = (url: string) =>
    createServiceDataSource({
      service: 'response-redaction-test',
      config: databaseConfigSchema('unused').parse({ DATABASE_URL: url }),
      entities: RESPONSE_ENTITIES,
      migrations: RESPONSE_MIGRATIONS,
    });

  beforeAll(async () => {
    database = await createTestDatabase('redaction');
    await migrateDatabase(dataSourceOf(database.url));
    for (let i = 0; i < 2; i += 1) {
      const dataSource = await dataSourceOf(database.url).initialize();
      const unitOfWork = createUnitOfWork(dataSource);
      dataSources.push(dataSource);
      units.push(unitOfWork);
      services.push(
        new CommentRedactionService(
          unitOfWork,
          comments,
          new RedactorCache(unitOfWork, new ReplicaRepository()),
        ),
      );
    }
  });

  afterAll(async () => {
    for (const dataSource of dataSources) await dataSource.destroy();
    await database?.drop();
  });

  const sql = <T>(query: string, params: unknown[] = []) => dataSources[0].query<T>(query, params);

  /** Stores one response with one pending comment through the one-statement submit; returns the comment id. */
  async function submitted(
    year: number,
    text = `Call me on ${PHONE} please.`,
    { region = 'LONDON', imported = false }: { region?: string; imported?: boolean } = {},
  ): Promise<string> {
    const id = randomUUID();
    const commentId = randomUUID();
    const record: NewResponseRecord = {
      id,
      cycleYear: year,
      questionnaireId: randomUUID(),
      questionnaireVersion: 1,
      organisationId: ORGANISATION,
      siteId: null,
      region,
      learnerGroup: 'NURSING',
      profession: 'STUDENT_NURSE_ADULT',
      programme: null,
      yearOfTraining: null,
      specialty: null,
      placementStart: null,
      placementEnd: null,
      submittedOn: `${year}-06-01`,
      imported,
      answers: [{ questionCode: 'Q1', optionCodes: ['AGREE'] }],
      comments: [
        {
          id: commentId,
          questionCode: 'Q_COMMENTS',
          originalText: text,
          redactedText: '',
          status: 'PENDING',
          reviewReasons: [],
        },
      ],
    };
    const stored = await responses.submit(
      units[0].reads,
      { idempotencyKey: randomUUID(), requestHash: 'h', responseId: id, receiptCode: randomUUID() },
      record,
      [],
    );
    expect(stored).toBe(true);
    return commentId;
  }

  const statusOf = async (id: string) =>
    (
      await sql<Array<{ status: string; redacted_text: string; late: boolean }>>(
        'SELECT status, redacted_text, late FROM response_comment WHERE id = $1',
        [id],
      )
    )[0];

  it('a pending comment is read by nobody: not by id, not in feedback, not in the review queue', async () => {
    const id = await submitted(2030);
    expect((await statusOf(id))?.status).toBe('PENDING');
    const reads = units[0].reads;
    expect(await comments.find(reads, id)).toBeUndefined();
    expect(await comments.forOrganisation(reads, ORGANISATION, 2030, ['RELEASED', 'IN_REVIEW'])).toEqual([]);
    expect((await comments.awaitingReview(reads, null, 1000)).map((c) => c.id)).not.toContain(id);
    await services[0].drain();
    const after = await statusOf(id);
    expect(after?.status).not.toBe('PENDING');
    expect(after?.redacted_text).not.toContain(PHONE);
    expect((await comments.find(reads, id))?.id).toBe(id);
  });

  it('two replicas draining at once redact every comment exactly once between them', async () => {
    const ids = await Promise.all(Array.from({ length: 250 }, () => submitted(2031)));
    const [first, second] = await Promise.all(services.map((service) => service.drain()));
    expect(first + second).toBe(250);
    const [{ pending, redacted }] = await sql<Array<{ pending: number; redacted: number }>>(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
         count(*) FILTER (WHERE status <> 'PENDING' AND position($2 in redacted_text) = 0)::int AS redacted
       FROM response_comment WHERE id = ANY($1::uuid[])`,
      [ids, PHONE],
    );
    expect({ pending, redacted }).toEqual({ pending: 0, redacted: 250 });
  });

  it("the release redacts the cycle's pending comments in the transaction that freezes its feedback, and leaves other cycles' to the job", async () => {
    const thisCycle = await Promise.all([submitted(2032), submitted(2032)]);
    const otherCycle = await submitted(2033);
    await units[1].run(async (transaction) => {
      await releases.freeze(transaction, 2032, '2033-01-10');
      await services[1].redactPending(transaction, { limit: null, year: 2032, skipLocked: false });
    });
    for (const id of thisCycle) {
      const comment = await statusOf(id);
      expect(comment?.status).not.toBe('PENDING');
      expect(comment?.late).toBe(false);
    }
    expect((await statusOf(otherCycle))?.status).toBe('PENDING');
    // Stored after the freeze: late (never shown), redacted all the same.
    const late = await submitted(2032);
    expect((await statusOf(late))?.late).toBe(true);
    await services[0].drain();
    expect((await statusOf(late))?.status).not.toBe('PENDING');
  });

  describe('the review queue in the metrics (no text, no ids in labels)', () => {
    const queued = async () => (await commentsQueuedForReview.get()).values[0]?.value ?? 0;
    const decisions = async (decision: CommentReviewDecision) =>
      (await commentReviewDecisions.get()).values.find((v) => v.labels.decision === decision)?.value ?? 0;
    const gauge = async (metric: typeof commentsInReview, region: string) =>
      (await metric.get()).values.find((v) => v.labels.region === region)?.value;
    const inReviewRows = async () =>
      (
        await sql<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM response_comment WHERE status = 'IN_REVIEW'`,
        )
      )[0].n;
    const reviewer = {
      kind: 'user',
      subject: 'reviewer-1',
      role: 'QUALITY_TEAM',
      region: 'SOUTH_WEST',
    } as const;

    it('counts the comments routed to review once their transaction commits, never a rolled-back batch', async () => {
      await submitted(2035, UNSURE, { region: 'SOUTH_WEST' });
      await submitted(2035, UNSURE, { region: 'SOUTH_WEST' });
      await submitted(2035, 'Handover was thorough and the educators checked in every week.', {
        region: 'SOUTH_WEST',
      });
      const before = { counted: await queued(), rows: await inReviewRows() };
      await expect(
        units[0].run(async (transaction) => {
          expect(await services[0].redactPending(transaction, { limit: null, skipLocked: false })).toBe(3);
          throw new Error('the batch fails after redacting');
        }),
      ).rejects.toThrow('the batch fails');
      expect(await queued()).toBe(before.counted);
      expect(await inReviewRows()).toBe(before.rows);

      expect(await services[1].drain()).toBe(3);
      expect(await inReviewRows()).toBe(before.rows + 2);
      expect(await queued()).toBe(before.counted + 2);
    });

    it('reads the queue per region at each scrape, its oldest live comment by its day; imported history has no age', async () => {
      await submitted(2019, UNSURE, { region: 'NORTH_WEST', imported: true });
      await services[0].drain();
      const collect = reviewQueueCollector(units[0], comments, () => new Date('2035-06-11T12:00:00Z'));
      await collect();
      expect(await gauge(commentsInReview, 'SOUTH_WEST')).toBe(2);
      // 2035-06-01, read on 2035-06-11 at noon: ten and a half days.
      expect(await gauge(commentsInReviewOldestAge, 'SOUTH_WEST')).toBe(10.5 * 86_400);
      expect(await gauge(commentsInReview, 'NORTH_WEST')).toBe(1);
      expect(await gauge(commentsInReviewOldestAge, 'NORTH_WEST')).toBeUndefined();
      const labels = [
        ...(await commentsInReview.get()).values,
        ...(await commentsInReviewOldestAge.get()).values,
      ].flatMap((value) => Object.keys(value.labels));
      expect(new Set(labels)).toEqual(new Set(['region']));
    });

    it("counts reviewers' decisions once committed, and a region whose queue emptied drops out of the gauges", async () => {
      const feedback = new FeedbackService(units[0], releases, comments, new ReplicaRepository());
      const [first, second] = (await comments.awaitingReview(units[0].reads, 'SOUTH_WEST', 10)).map(
        (c) => c.id,
      );
      const before = {
        approved: await decisions('approved'),
        amended: await decisions('amended'),
        corrected: await decisions('corrected'),
      };
      await feedback.release(reviewer, first);
      await feedback.amend(reviewer, second, 'My [identifier] about the rota went unanswered.');
      await feedback.amend(reviewer, first, 'Corrected after release.');
      await expect(feedback.release(reviewer, first)).rejects.toBeInstanceOf(ConflictError);
      expect({
        approved: await decisions('approved'),
        amended: await decisions('amended'),
        corrected: await decisions('corrected'),
      }).toEqual({
        approved: before.approved + 1,
        amended: before.amended + 1,
        corrected: before.corrected + 1,
      });

      await reviewQueueCollector(units[0], comments)();
      expect(await gauge(commentsInReview, 'SOUTH_WEST')).toBeUndefined();
      expect(await gauge(commentsInReviewOldestAge, 'SOUTH_WEST')).toBeUndefined();
      expect(await gauge(commentsInReview, 'NORTH_WEST')).toBe(1);
    });
  });

  it('the one-statement submit writes nothing for a key another submission holds', async () => {
    const key = randomUUID();
    const base = { requestHash: 'h', receiptCode: randomUUID() };
    const first = randomUUID();
    const second = randomUUID();
    const record = (id: string): NewResponseRecord => ({
      id,
      cycleYear: 2034,
      questionnaireId: randomUUID(),
      questionnaireVersion: 1,
      organisationId: ORGANISATION,
      siteId: null,
      region: 'LONDON',
      learnerGroup: 'NURSING',
      profession: 'STUDENT_NURSE_ADULT',
      programme: null,
      yearOfTraining: null,
      specialty: null,
      placementStart: null,
      placementEnd: null,
      submittedOn: '2034-06-01',
      imported: false,
      answers: [{ questionCode: 'Q1', optionCodes: ['AGREE'] }],
      comments: [],
    });
    const reads = units[0].reads;
    expect(
      await responses.submit(reads, { ...base, idempotencyKey: key, responseId: first }, record(first), []),
    ).toBe(true);
    expect(
      await responses.submit(
        reads,
        { ...base, idempotencyKey: key, responseId: second, receiptCode: randomUUID() },
        record(second),
        [],
      ),
    ).toBe(false);
    const [{ n }] = await sql<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM response WHERE id = ANY($1::uuid[])',
      [[first, second]],
    );
    expect(n).toBe(1);
    expect((await responses.findSubmissions(reads, [key]))[0]?.responseId).toBe(first);
  });
});

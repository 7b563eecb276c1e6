import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Client } from 'pg';
import {
  errorCode,
  graphqlRequest,
  type GraphQLResponse,
  publishTestEvents,
  releaseWhenCounted,
  startTestPlatform,
  TEST_GATEWAY_SECRET,
  testKafkaClient,
  type TestPlatform,
  testToken,
  TopicRecorder,
  waitFor,
} from '@nets/shared/testing';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic } from '@nets/response/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { resultsTopic } from '@nets/analytics/contract-events';
import { analyticsService } from './analytics-service';
import {
  attackShape,
  buildPopulation,
  canFilter,
  cellId,
  liesIn,
  TABLE_IDS,
  TABLES,
  answersIn,
  reasonSeriesOf,
  type AttackPopulation,
  type Dim,
  type TableId,
} from '../test-support/attack-population';
import {
  MEASURE_KEY,
  REASON_QUESTION,
  organisationEvent,
  questionnaireEvent,
  responseEvent,
  type KeyedEvent,
} from '../test-support/feed-events';
import { linearlyDetermined, smallResiduals, type Seen } from '../test-support/linear-attack';
import { inherentIds, pinnedSmallCounts } from '../test-support/range-attack';
import { eventFacts, graphFacts, rawCellsOf, withheldExtras } from '../test-support/result-events';
import { administrator, cycleClosedEvent } from '../test-support/release-results';
import {
  ENTITY_RESULTS,
  MEASURE_RESULTS,
  MEASURE_TREND,
  NATIONAL_SUMMARY,
  QUALITY_FLAGS,
  REASON_RANKING,
  expectedRanking,
  type RankingRow,
  rowCellId,
  ownFacts,
  type ResultRow,
} from '../test-support/result-rows';

const MIN_CELL_SIZE = 3;
const TOPIC_TABLE_IDS = TABLE_IDS.filter((t) => !t.startsWith('EDUCATION_PROVIDER'));
const RUNS = Number(process.env['NETS_PROPERTY_RUNS'] ?? 12);
const SEED = Number(process.env['NETS_PROPERTY_SEED'] ?? 20261206);
/** Each run is a cycle of its own, so runs share the platform but never a suppression pattern. */
const FIRST_YEAR = 2031;

const GROUP_BY = {
  REGION: 'region',
  LEARNER_GROUP: 'learnerGroup',
  PROFESSION: 'profession',
  ORGANISATION: 'organisationId',
  SITE: 'siteId',
  EDUCATION_PROVIDER: 'educationProviderId',
} as const satisfies Record<string, Dim>;
type GroupBy = keyof typeof GROUP_BY;
const FILTER_FIELD: Record<Dim, string> = {
  region: 'regions',
  learnerGroup: 'learnerGroups',
  profession: 'professions',
  organisationId: 'organisationIds',
  siteId: 'siteIds',
  educationProviderId: 'educationProviderIds',
};

const PATHS = [
  'measureResults',
  'measureTrend',
  'Measure.results',
  'SurveyCycle.results',
  'Organisation.netsResults',
  'nationalSummary',
  'qualityFlags',
] as const;
const ALL_FLAGS = ['RED', 'PINK', 'NONE', 'LIGHT_GREEN', 'GREEN', 'SUPPRESSED', 'NO_DATA'];

const CANONICAL_GROUPINGS: GroupBy[][] = [
  [],
  ['REGION'],
  ['LEARNER_GROUP'],
  ['PROFESSION'],
  ['ORGANISATION'],
  ['SITE'],
  ['ORGANISATION', 'LEARNER_GROUP'],
  ['REGION', 'LEARNER_GROUP'],
  ['REGION', 'PROFESSION'],
  ['EDUCATION_PROVIDER'],
  ['ORGANISATION', 'EDUCATION_PROVIDER'],
];
const DIMS = Object.values(GROUP_BY) as Dim[];

/** Mostly queries a table can answer, some it must refuse (a groupBy or a filter it does not carry). */
const queryArbitrary = fc.record({
  path: fc.constantFrom(...PATHS),
  groupBy: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...CANONICAL_GROUPINGS) },
    { weight: 1, arbitrary: fc.subarray(Object.keys(GROUP_BY) as GroupBy[], { maxLength: 2 }) },
  ),
  filters: fc.array(
    fc.record({
      fair: fc.oneof(
        { weight: 5, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      dimension: fc.nat(),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
  allMeasures: fc.boolean(),
  organisation: fc.nat(),
});
type RandomQuery = typeof queryArbitrary extends fc.Arbitrary<infer Q> ? Q : never;

function tableOf(groupBy: readonly GroupBy[]): TableId | undefined {
  const dims = groupBy.map((g) => GROUP_BY[g]).sort();
  return TABLE_IDS.find((t) => [...TABLES[t]].sort().join() === dims.join());
}

function groupByOf(table: TableId): GroupBy[] {
  return TABLES[table].map(
    (d) => (Object.keys(GROUP_BY) as GroupBy[]).find((g) => GROUP_BY[g] === d) as GroupBy,
  );
}

/** What the reader asked for, in the service's terms and in the test's. */
interface Asked {
  tables: TableId[];
  where: Partial<Record<Dim, string[]>>;
  refused: boolean;
}

function interpret(population: AttackPopulation, query: RandomQuery): Asked {
  if (query.path === 'nationalSummary') return { tables: ['NATIONAL'], where: {}, refused: false };
  if (query.path === 'Organisation.netsResults') {
    const ids = population.values.organisationId;
    return {
      tables: ['ORGANISATION'],
      where: { organisationId: [ids[query.organisation % ids.length]] },
      refused: false,
    };
  }
  if (query.path === 'qualityFlags') {
    // Every flag asked for, so every organisation and organisation × learner group unit comes back.
    const regions = population.values.region;
    const picks = query.filters[0]?.picks ?? [];
    return {
      tables: ['ORGANISATION', 'ORGANISATION_BY_LEARNER_GROUP'],
      where: picks.length > 0 ? { region: [...new Set(picks.map((p) => regions[p % regions.length]))] } : {},
      refused: false,
    };
  }
  const table = tableOf(query.groupBy);
  const where: Partial<Record<Dim, string[]>> = {};
  for (const { fair, dimension: pick, picks } of query.filters) {
    const fairDims = table ? DIMS.filter((d) => canFilter(table, d)) : [];
    const dimension =
      fair && fairDims.length > 0 ? fairDims[pick % fairDims.length] : DIMS[pick % DIMS.length];
    const values = population.values[dimension];
    if (values.length === 0) continue;
    where[dimension] = [...new Set(picks.map((p) => values[p % values.length]))];
  }
  const refused = table === undefined || (Object.keys(where) as Dim[]).some((d) => !canFilter(table, d));
  return { tables: table ? [table] : [], where, refused };
}

describe('suppression through the gateway, against a reader who subtracts (property-based)', () => {
  let platform: TestPlatform;
  let analyst: string;
  let database: Client;
  let recorder: TopicRecorder;
  let eventsFed = 0;

  const ask = async (
    population: AttackPopulation,
    query: RandomQuery,
    asked: Asked,
  ): Promise<GraphQLResponse<Record<string, unknown>>> => {
    const filter = Object.fromEntries(
      (Object.entries(asked.where) as Array<[Dim, string[]]>).map(([d, v]) => [FILTER_FIELD[d], v]),
    );
    const year = population.year;
    const measures = query.allMeasures ? null : [MEASURE_KEY];
    const subgraph = (representation: Record<string, unknown>) =>
      graphqlRequest(platform.services['analytics'].url, ENTITY_RESULTS, {
        token: analyst,
        headers: { 'x-nets-gateway-secret': TEST_GATEWAY_SECRET },
        variables: { representations: [representation], year, filter, groupBy: query.groupBy },
      });
    switch (query.path) {
      case 'measureResults':
        return graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, {
          token: analyst,
          variables: { year, measures, filter, groupBy: query.groupBy },
        });
      case 'measureTrend':
        return graphqlRequest(platform.gatewayUrl, MEASURE_TREND, {
          token: analyst,
          variables: { measure: MEASURE_KEY, fromYear: year, toYear: year, filter, groupBy: query.groupBy },
        });
      case 'Measure.results':
        return subgraph({ __typename: 'Measure', key: MEASURE_KEY });
      case 'SurveyCycle.results':
        return subgraph({ __typename: 'SurveyCycle', year });
      case 'Organisation.netsResults':
        return subgraph({ __typename: 'Organisation', id: asked.where.organisationId?.[0] });
      case 'nationalSummary':
        return graphqlRequest(platform.gatewayUrl, NATIONAL_SUMMARY, { token: analyst, variables: { year } });
      case 'qualityFlags':
        return graphqlRequest(platform.gatewayUrl, QUALITY_FLAGS, {
          token: analyst,
          variables: { year, filter, flags: ALL_FLAGS, measures },
        });
    }
  };

  const rowsOf = (answer: GraphQLResponse<Record<string, unknown>>): ResultRow[] => {
    const data = answer.data ?? {};
    if ('_entities' in data) {
      const [entity] = data['_entities'] as Array<Record<string, ResultRow[]>>;
      return entity['netsResults'] ?? entity['measureResults'] ?? entity['cycleResults'];
    }
    if ('nationalSummary' in data) return (data['nationalSummary'] as { measures: ResultRow[] }).measures;
    if ('qualityFlags' in data) {
      const flags = data['qualityFlags'] as Array<{ result: ResultRow; persistent: boolean }>;
      // Each cycle of this file has organisations of its own: none can have been RED before.
      expect(flags.filter((f) => f.persistent)).toEqual([]);
      return flags.map((f) => f.result);
    }
    return (data['measureResults'] ?? data['measureTrend']) as ResultRow[];
  };

  const publish = async (topic: string, events: KeyedEvent[]): Promise<void> => {
    await publishTestEvents(platform.topicPrefix, topic, events);
    eventsFed += events.length;
  };

  /**
   * The `nets.results.v1` message of each table carries the cells the graph shows (the topic is another
   * path to the same pattern), and its withheld cells no number. Publication runs on a schedule, so this
   * waits for it; a released cycle is published once, so no two messages of a key can be differenced. The
   * tables by education provider are the graph's only (the topic's v1 table enum does not name them).
   */
  const expectPublishedAsShown = async (population: AttackPopulation, rows: readonly ResultRow[]) => {
    for (const table of TOPIC_TABLE_IDS) {
      const shown = graphFacts(rows.filter((r) => r.group.table === table));
      const latest = () =>
        recorder.messages
          .filter((m) => m.key === `${population.year}:${MEASURE_KEY}:${table}`)
          .sort((a, b) => Number(b.offset) - Number(a.offset))[0];
      const caughtUp = await waitFor(
        async () => {
          const message = latest();
          return message && isDeepStrictEqual(eventFacts(table, rawCellsOf(message.value)), shown);
        },
        { timeoutMs: 20000, description: `${population.year} ${table} on ${resultsTopic.name}` },
      ).catch(() => false);
      const message = latest();
      const cells = message ? rawCellsOf(message.value) : [];
      if (!caughtUp) expect(eventFacts(table, cells)).toEqual(shown);
      expect(withheldExtras(cells)).toEqual([]);
      expect(
        recorder.messages.filter((m) => m.key === `${population.year}:${MEASURE_KEY}:${table}`),
      ).toHaveLength(1);
    }
    expect(
      recorder.messages.filter((m) =>
        String(m.key).startsWith(`${population.year}:${MEASURE_KEY}:EDUCATION`),
      ),
    ).toEqual([]);
  };

  /**
   * The reason question is a series of its own (only those who answered it), with its own pattern: every
   * table's ranking is exact where published, carries no count or rank where withheld, and the same
   * attackers derive nothing from it.
   */
  const attackRankings = async (population: AttackPopulation): Promise<void> => {
    const series = reasonSeriesOf(population);
    const seen = new Map<string, Seen>();
    for (const table of TABLE_IDS) {
      const answer = await graphqlRequest(platform.gatewayUrl, REASON_RANKING, {
        token: analyst,
        variables: { year: population.year, questionCode: REASON_QUESTION, groupBy: groupByOf(table) },
      });
      expect(answer.errors).toBeUndefined();
      const rankings = (answer.data as { reasonRanking: RankingRow[] }).reasonRanking;
      const ids = rankings.map(rowCellId);
      const cells = [...series.cells.values()].filter((c) => c.table === table);
      expect(ids.filter((id) => !cells.some((c) => c.id === id))).toEqual([]);
      expect(cells.filter((c) => c.n > 0 && !ids.includes(c.id)).map((c) => c.id)).toEqual([]);
      for (const ranking of rankings) {
        const truth = series.cells.get(rowCellId(ranking));
        if (!truth) throw new Error(`${rowCellId(ranking)} is no cell of the reason series`);
        if (ranking.suppressed) {
          expect(ranking).toMatchObject({ noData: false, respondents: null, reasons: [] });
          expect(ranking.suppressionReason).toBe('COMPLEMENTARY');
          seen.set(truth.id, { kind: 'WITHHELD' });
        } else if (ranking.noData) {
          expect(truth.n).toBe(0);
          expect(ranking.reasons).toEqual([]);
          seen.set(truth.id, { kind: 'KNOWN', n: 0, k: 0 });
        } else {
          expect(truth.n).toBeGreaterThanOrEqual(MIN_CELL_SIZE);
          expect(ranking.respondents).toBe(truth.n);
          expect(
            ranking.reasons.map(({ optionCode, chosen, rank }) => ({ optionCode, chosen, rank })),
          ).toEqual(expectedRanking(answersIn(series, truth)));
          for (const reason of ranking.reasons)
            expect(reason.percent).toBeCloseTo((100 * reason.chosen) / truth.n, 9);
          seen.set(truth.id, { kind: 'KNOWN', n: truth.n, k: 0 });
        }
      }
    }
    const inherent = inherentIds(series, MIN_CELL_SIZE);
    expect(linearlyDetermined(series, seen).filter((id) => !inherent.has(id))).toEqual([]);
    expect(smallResiduals(series, seen, MIN_CELL_SIZE, inherent)).toEqual([]);
    expect(pinnedSmallCounts(series, seen, MIN_CELL_SIZE)).toEqual([]);
  };

  /** Every event consumed (the fold commits with the event's id), then the cycle closed and released. */
  const feed = async (population: AttackPopulation): Promise<void> => {
    const consumed = (description: string) =>
      waitFor(
        async () => {
          const { rows } = await database.query('SELECT count(*)::int AS n FROM processed_event');
          return rows[0].n === eventsFed;
        },
        { timeoutMs: 30000, description },
      );
    // Facts first, so no response waits for its questionnaire or organisation.
    await publish(surveyTopic.name, [questionnaireEvent(population.year)]);
    await publish(organisationsTopic.name, population.organisations.map(organisationEvent));
    await consumed(`the ${population.year} questionnaire and organisations`);
    await publish(
      responsesTopic.name,
      population.answers.map((answer, i) => responseEvent(population.year, answer, i)),
    );
    await consumed(`the ${population.year} responses`);
    await publish(surveyTopic.name, [cycleClosedEvent(population.year)]);
    await releaseWhenCounted(
      await administrator(platform.gatewayUrl),
      population.year,
      population.answers.length,
    );
  };

  beforeAll(async () => {
    platform = await startTestPlatform([analyticsService]);
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    database = new Client({ connectionString: platform.databases['analytics'].url });
    await database.connect();
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${resultsTopic.name}`,
    ]).start();
  }, 90000);

  afterAll(async () => {
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('answers only true canonical cells, withholds 1 and 2 alike, and lets no withheld count be derived', async () => {
    let run = 0;
    let leakyWithoutComplements = 0;
    await fc.assert(
      fc.asyncProperty(
        attackShape,
        fc.array(queryArbitrary, { minLength: 4, maxLength: 10 }),
        async (shape, queries) => {
          const population = buildPopulation(shape, FIRST_YEAR + run++);
          await feed(population);
          const seen = new Map<string, Seen>();
          const said = new Map<string, string>();
          const unflagged = new Set<string>();
          const rows: ResultRow[] = [];
          // The random sequence exercises every path and filter; then the reader asks for every table,
          // the most any reader can learn, so the attack below is the strongest one.
          const sweep: RandomQuery[] = TABLE_IDS.map((table) => ({
            path: 'measureResults',
            groupBy: groupByOf(table),
            filters: [],
            allMeasures: false,
            organisation: 0,
          }));
          for (const query of [...queries, ...sweep]) {
            const asked = interpret(population, query);
            const answer = await ask(population, query, asked);
            if (asked.refused) {
              expect(errorCode(answer)).toBe('BAD_USER_INPUT');
              continue;
            }
            expect(answer.errors).toBeUndefined();
            const answered = rowsOf(answer);
            const expected = [...population.cells.values()].filter(
              (c) =>
                (asked.tables as string[]).includes(c.table) &&
                (Object.entries(asked.where) as Array<[Dim, string[]]>).every(([d, values]) =>
                  values.some((v) => liesIn(population, c.coordinates, { [d]: v })),
                ),
            );
            const ids = answered.map(rowCellId);
            expect(new Set(ids).size).toBe(ids.length);
            // Only cells of the table the reader named, inside the filter; every non-empty one of them.
            expect(ids.filter((id) => !expected.some((c) => c.id === id))).toEqual([]);
            const missing = expected.filter((c) => c.n > 0 && !ids.includes(c.id)).map((c) => c.id);
            // qualityFlags lists flagged units only: one it leaves out must show no flag elsewhere (checked below).
            if (query.path === 'qualityFlags') missing.forEach((id) => unflagged.add(id));
            else expect(missing).toEqual([]);
            for (const row of answered) {
              const id = rowCellId(row);
              expect(row).toMatchObject({ year: population.year, measureKey: MEASURE_KEY });
              // The same cell says the same on every path and under every filter.
              const text = JSON.stringify(row);
              expect(said.get(id) ?? text).toBe(text);
              said.set(id, text);
              rows.push(row);
              seen.set(
                id,
                row.suppressed
                  ? { kind: 'WITHHELD' }
                  : { kind: 'KNOWN', n: row.respondents ?? 0, k: row.positive ?? 0 },
              );
            }
          }

          const truthOf = (row: ResultRow) => population.cells.get(rowCellId(row));
          const percentOf = (table: TableId, coordinates: Partial<Record<Dim, string>>): number | null => {
            const row = rows.find((r) => rowCellId(r) === cellId(table, coordinates));
            return row && !row.suppressed && !row.noData ? row.percentPositive : null;
          };
          const withheldLooks = new Map<TableId, Set<string>>();
          for (const row of rows) {
            const truth = truthOf(row);
            if (!truth) throw new Error(`${rowCellId(row)} is no cell of the population`);
            if (row.suppressed) {
              expect(row).toMatchObject({
                noData: false,
                respondents: null,
                positive: null,
                percentPositive: null,
                interval: null,
              });
              expect([null, 'SUPPRESSED']).toContain(row.flag);
              expect(row.suppressionReason).toBe('COMPLEMENTARY');
              if (truth.n >= 1 && truth.n < MIN_CELL_SIZE) {
                const looks = withheldLooks.get(row.group.table) ?? new Set<string>();
                looks.add(ownFacts(row));
                withheldLooks.set(row.group.table, looks);
              }
            } else if (row.noData) {
              expect(truth.n).toBe(0);
              expect(row).toMatchObject({ positive: null, percentPositive: null, interval: null });
            } else {
              expect(truth.n).toBeGreaterThanOrEqual(MIN_CELL_SIZE);
              expect(row).toMatchObject({ respondents: truth.n, positive: truth.k, suppressionReason: null });
              expect(row.percentPositive).toBeCloseTo((100 * truth.k) / truth.n, 9);
              expect(row.interval).not.toBeNull();
            }
            // A benchmark is a published cell's value or nothing: never a withheld one.
            expect(row.benchmark.national).toBe(percentOf('NATIONAL', {}));
            const group = row.group.learnerGroup;
            expect(row.benchmark.learnerGroup).toBe(
              group === null ? null : percentOf('LEARNER_GROUP', { learnerGroup: group }),
            );
          }
          await expectPublishedAsShown(population, rows);
          await attackRankings(population);
          expect(rows.filter((r) => unflagged.has(rowCellId(r)) && r.flag !== null)).toEqual([]);
          // A withheld cell of 1 and one of 2 read the same, down to the last field.
          for (const looks of withheldLooks.values()) expect([...looks]).toHaveLength(1);

          expect(linearlyDetermined(population, seen)).toEqual([]);
          expect(smallResiduals(population, seen, MIN_CELL_SIZE)).toEqual([]);
          expect(pinnedSmallCounts(population, seen, MIN_CELL_SIZE)).toEqual([]);

          // Control: had complementary cells been shown, this attacker would have found something.
          const primaryOnly = new Map<string, Seen>(
            [...seen].map(([id, s]) => {
              const truth = population.cells.get(id);
              return [
                id,
                s.kind === 'WITHHELD' && truth && truth.n >= MIN_CELL_SIZE
                  ? { kind: 'KNOWN', n: truth.n, k: truth.k }
                  : s,
              ];
            }),
          );
          if (
            linearlyDetermined(population, primaryOnly).length > 0 ||
            smallResiduals(population, primaryOnly, MIN_CELL_SIZE).length > 0 ||
            pinnedSmallCounts(population, primaryOnly, MIN_CELL_SIZE).length > 0
          )
            leakyWithoutComplements++;
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(leakyWithoutComplements).toBeGreaterThan(0);
  }, 240000);
});

import { Client } from 'pg';
import { parseEvent } from '@nets/shared/contract-events';
import {
  TEST_GATEWAY_SECRET,
  TopicRecorder,
  errorCode,
  graphqlRequest,
  schemaDriftOf,
  startTestPlatform,
  testKafkaClient,
  testToken,
  waitFor,
  type TestPlatform,
} from '@nets/shared/testing';
import { assessmentsTopic, organisationsTopic } from '@nets/provider-assessment/contract-events';
import {
  DEMO_PSA_CYCLES,
  demoRegistry,
  demoSelfAssessments,
  toOrganisationCsv,
} from '@nets/provider-assessment/data-access';
import { PSA_STANDARDS } from '@nets/provider-assessment/domain';
import { providerAssessmentService } from './provider-assessment-service';

const DAY = 86_400_000;
const IMPORT = `mutation($csv: String!, $skip: Boolean) { importOrganisations(csv: $csv, skipInvalidRows: $skip) {
  committed registered updated unchanged rejected { line code reasons } } }`;
const REGISTER = `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id odsCode region sites { code } } }`;
const SAVE = `mutation($input: SaveSelfAssessmentInput!) { saveSelfAssessment(input: $input) { id status late locked } }`;
const SUBMIT = `mutation($org: ID!, $year: Int!, $signOff: SelfAssessmentSignOffInput!) {
  submitSelfAssessment(organisationId: $org, year: $year, signOff: $signOff) { status submissionCount late signOff { name jobTitle } } }`;
const REVIEW = `mutation($input: ReviewSelfAssessmentInput!) { reviewSelfAssessment(input: $input) { status locked reviewComments } }`;
const SUBMIT_AT = `mutation($org: ID!, $year: Int!, $signOff: SelfAssessmentSignOffInput!, $v: Int) {
  submitSelfAssessment(organisationId: $org, year: $year, signOff: $signOff, expectedVersion: $v) { status version } }`;
const STATE = `query($id: ID!, $year: Int!) { organisation(id: $id) { selfAssessment(year: $year) {
  status version submissionCount reviews { decision comments } standards { standardCode evidence } } } }`;
const READ = `query($id: ID!, $year: Int!) { organisation(id: $id) { odsCode selfAssessment(year: $year) {
  status locked standards { standardCode rating } indicators { indicator answer } } } }`;

describe('provider-assessment subgraph through the gateway, on PostgreSQL and Kafka', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let database: Client;
  let admin: string;
  let analyst: string;

  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    graphqlRequest(platform.gatewayUrl, query, { variables, token });
  /** Straight to the subgraph with the gateway's proof, for the federation contract (`_entities`). */
  const subgraph = (query: string, variables: Record<string, unknown>, token?: string) =>
    graphqlRequest(platform.services['provider-assessment'].url, query, {
      variables,
      token,
      headers: { 'x-nets-gateway-secret': TEST_GATEWAY_SECRET },
    });
  const count = async (sql: string) => (await database.query(sql)).rows[0].n as number;
  const recorded = (topic: string) =>
    recorder.messages.filter((m) => m.topic === `${platform.topicPrefix}${topic}`);
  const organisationEvents = () =>
    recorded(organisationsTopic.name).map((m) => ({
      key: m.key,
      event: parseEvent(organisationsTopic, m.value),
    }));
  const assessmentEvents = () =>
    recorded(assessmentsTopic.name).map((m) => ({
      key: m.key,
      event: parseEvent(assessmentsTopic, m.value),
    }));

  beforeAll(async () => {
    platform = await startTestPlatform([providerAssessmentService]);
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${organisationsTopic.name}`,
      `${platform.topicPrefix}${assessmentsTopic.name}`,
    ]).start();
    database = new Client({ connectionString: platform.databases['provider-assessment'].url });
    await database.connect();
    admin = await testToken({ role: 'ADMIN', subject: 'admin-1' });
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
  });

  afterAll(async () => {
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('keeps entities and migrations in step', async () => {
    expect(await schemaDriftOf(providerAssessmentService)).toEqual([]);
  });

  describe('the registry', () => {
    const csv = [
      'code,name,kind,roles,region,parent_code',
      'RXA,Northvale Hospitals NHS Trust,NHS_TRUST,PLACEMENT_PROVIDER,NORTH_WEST,',
      'RXA01,Northvale General,,,,RXA',
      'RXA02,"Northvale Community Hospital, East Wing",,,,RXA',
      'A81001,Elm Street Surgery,GP practice,placement provider,North East and Yorkshire,',
      'RXB,Southmoor NHS Foundation Trust,FOUNDATION_TRUST,PLACEMENT_PROVIDER;EDUCATION_PROVIDER,SOUTH_WEST,',
      'RXB01,Southmoor Infirmary,,,,RXB',
      'Q1234,Bad Practice,GP_PRACTICE,PLACEMENT_PROVIDER,LONDON,',
      'RXC,Nowhere Trust,NHS_TRUST,PLACEMENT_PROVIDER,ATLANTIS,',
      'ZZ999,Orphan Site,,,,RZZ',
      'RXA,Duplicate Trust,NHS_TRUST,PLACEMENT_PROVIDER,LONDON,',
      'RXD,Badsite Trust,NHS_TRUST,PLACEMENT_PROVIDER,LONDON,',
      'RXE01,Wrong Prefix Site,,,,RXD',
      '10007774,University of Northvale,UNIVERSITY,EDUCATION_PROVIDER,NORTH_WEST,',
    ].join('\n');

    it('previews an import as a dry run: what it would register and every rejected row, storing nothing', async () => {
      const response = await gql(
        `mutation($csv: String!) { importOrganisations(csv: $csv, dryRun: true) {
          committed registered updated unchanged rejected { line } } }`,
        { csv },
        admin,
      );
      expect(response.data).toEqual({
        importOrganisations: {
          committed: false,
          registered: 4,
          updated: 0,
          unchanged: 0,
          rejected: [8, 9, 10, 11, 12, 13].map((line) => ({ line })),
        },
      });
      expect(await count('SELECT count(*)::int AS n FROM organisation')).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM outbox_message')).toBe(0);
    });

    it('rejects the whole import when rows are bad, with every rejected row and why, and stores nothing', async () => {
      const response = await gql(IMPORT, { csv }, admin);
      expect(response.errors).toBeUndefined();
      const report = (response.data as { importOrganisations: Record<string, unknown> }).importOrganisations;
      expect(report).toMatchObject({ committed: false, registered: 0, updated: 0 });
      const rejected = report['rejected'] as Array<{ line: number; code: string; reasons: string[] }>;
      expect(rejected.map((r) => [r.line, r.code])).toEqual([
        [8, 'Q1234'],
        [9, 'RXC'],
        [10, 'ZZ999'],
        [11, 'RXA'],
        [12, 'RXD'],
        [13, 'RXE01'],
      ]);
      expect(rejected[0].reasons[0]).toMatch(/not a valid code for gp practice/);
      expect(rejected[1].reasons[0]).toMatch(/Unknown region 'ATLANTIS'/);
      expect(rejected[2].reasons[0]).toMatch(/parent RZZ is not an organisation row/);
      expect(rejected[3].reasons[0]).toMatch(/already on line 2/);
      expect(rejected[4].reasons).toEqual(['One of its sites was rejected.']);
      expect(rejected[5].reasons[0]).toMatch(/must start with its organisation's code RXD/);
      expect(await count('SELECT count(*)::int AS n FROM organisation')).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM outbox_message')).toBe(0);
    });

    it('imports the valid rows in one transaction when asked to skip the rejected ones', async () => {
      expect(errorCode(await gql(IMPORT, { csv }, analyst))).toBe('FORBIDDEN');
      const response = await gql(IMPORT, { csv, skip: true }, admin);
      expect(response.data).toMatchObject({
        importOrganisations: { committed: true, registered: 4, updated: 0, unchanged: 0 },
      });
      expect(await count('SELECT count(*)::int AS n FROM organisation_site')).toBe(3);
      const again = await gql(IMPORT, { csv, skip: true }, admin);
      expect(again.data).toMatchObject({ importOrganisations: { registered: 0, updated: 0, unchanged: 4 } });
      await waitFor(async () => organisationEvents().length === 4);
      const registered = organisationEvents().map(({ key, event }) => {
        expect(event.type).toBe('nets.organisation.registered.v1');
        const organisation = (event.data as { organisation: { id: string; odsCode: string } }).organisation;
        expect(key).toBe(organisation.id);
        return organisation.odsCode;
      });
      expect(registered.sort()).toEqual(['10007774', 'A81001', 'RXA', 'RXB']);
    });

    it('lets anyone search the registry, page by page, and find an organisation by ODS code', async () => {
      const page = `query($filter: OrganisationFilter, $after: String) { organisations(filter: $filter, first: 2, after: $after) {
        totalCount edges { node { odsCode } } pageInfo { hasNextPage endCursor } } }`;
      type Page = {
        organisations: {
          totalCount: number;
          edges: Array<{ node: { odsCode: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const first = (await gql(page)).data as Page;
      expect(first.organisations.totalCount).toBe(4);
      expect(first.organisations.pageInfo.hasNextPage).toBe(true);
      const second = (await gql(page, { after: first.organisations.pageInfo.endCursor })).data as Page;
      expect(second.organisations.pageInfo.hasNextPage).toBe(false);
      const names = [...first.organisations.edges, ...second.organisations.edges].map((e) => e.node.odsCode);
      expect(names).toEqual(['A81001', 'RXA', 'RXB', '10007774']);

      const bySite = (await gql(page, { filter: { search: 'east wing' } })).data as Page;
      expect(bySite.organisations.edges.map((e) => e.node.odsCode)).toEqual(['RXA']);
      const filtered = (await gql(page, { filter: { region: 'NORTH_WEST', role: 'EDUCATION_PROVIDER' } }))
        .data as Page;
      expect(filtered.organisations.edges.map((e) => e.node.odsCode)).toEqual(['10007774']);
      const byKind = (await gql(page, { filter: { kind: 'FOUNDATION_TRUST' } })).data as Page;
      expect(byKind.organisations.edges.map((e) => e.node.odsCode)).toEqual(['RXB']);

      const found = await gql(
        `{ organisationByOdsCode(odsCode: "rxa") { name kind region roles status sites { code name } } }`,
      );
      expect(found.data).toEqual({
        organisationByOdsCode: {
          name: 'Northvale Hospitals NHS Trust',
          kind: 'NHS_TRUST',
          region: 'NORTH_WEST',
          roles: ['PLACEMENT_PROVIDER'],
          status: 'ACTIVE',
          sites: [
            { code: 'RXA01', name: 'Northvale General' },
            { code: 'RXA02', name: 'Northvale Community Hospital, East Wing' },
          ],
        },
      });
      expect(errorCode(await gql(page, { after: 'nonsense' }))).toBe('BAD_USER_INPUT');
    });

    it('refuses invalid or duplicate registrations without storing anything', async () => {
      const before = await count('SELECT count(*)::int AS n FROM organisation');
      const bad = await gql(
        REGISTER,
        {
          input: {
            odsCode: 'XYZ',
            name: ' ',
            kind: 'NHS_TRUST',
            roles: [],
            region: 'LONDON',
            sites: [{ code: 'AB', name: 'x' }],
          },
        },
        admin,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      const details = bad.errors?.[0].extensions?.['details'] as Array<{ path: string }>;
      expect(details.map((d) => d.path).sort()).toEqual(['name', 'odsCode', 'roles', 'sites[0].code']);
      const duplicate = await gql(
        REGISTER,
        {
          input: {
            odsCode: 'RXA',
            name: 'Again',
            kind: 'NHS_TRUST',
            roles: ['PLACEMENT_PROVIDER'],
            region: 'LONDON',
          },
        },
        admin,
      );
      expect(errorCode(duplicate)).toBe('CONFLICT');
      expect(await count('SELECT count(*)::int AS n FROM organisation')).toBe(before);
    });

    it('refuses over-long names and names with control or bidirectional characters, in every organisation mutation and the import', async () => {
      const organisations = 'SELECT count(*)::int AS n FROM organisation';
      const outbox = 'SELECT count(*)::int AS n FROM outbox_message';
      const before = { organisations: await count(organisations), outbox: await count(outbox) };
      const valid = {
        odsCode: 'RQQ',
        name: 'Quarry Bank NHS Trust',
        kind: 'NHS_TRUST',
        roles: ['PLACEMENT_PROVIDER'],
        region: 'LONDON',
      };
      const names: Record<string, string> = {
        '201 characters': 'N'.repeat(201),
        '60,000 characters': 'N'.repeat(60000),
        'a right-to-left override': 'Quarry \u202EtsurT',
        'a first-strong isolate': 'Quarry \u2068Bank',
        'a bell': 'Quarry\u0007Bank',
        'a C1 control': 'Quarry\u0085Bank',
        'a line break': 'Quarry\nBank',
      };
      for (const [what, name] of Object.entries(names)) {
        const result = await gql(REGISTER, { input: { ...valid, name } }, admin);
        expect({ what, code: errorCode(result) }).toEqual({ what, code: 'BAD_USER_INPUT' });
        const site = await gql(REGISTER, { input: { ...valid, sites: [{ code: 'RQQ01', name }] } }, admin);
        expect({ what, site: errorCode(site) }).toEqual({ what, site: 'BAD_USER_INPUT' });
      }
      const existing = (await gql(`{ organisationByOdsCode(odsCode: "RXA") { id } }`)).data as {
        organisationByOdsCode: { id: string };
      };
      const update = await gql(
        `mutation($id: ID!, $name: String!) { updateOrganisation(id: $id, input: { name: $name }) { id } }`,
        { id: existing.organisationByOdsCode.id, name: 'Renamed \u202E' },
        admin,
      );
      expect(errorCode(update)).toBe('BAD_USER_INPUT');
      const csv = `code,name,kind,roles,region,parent_code\nRQQ,"Quarry \u202EtsurT",NHS_TRUST,PLACEMENT_PROVIDER,LONDON,\n`;
      const imported = (await gql(IMPORT, { csv }, admin)).data as {
        importOrganisations: { committed: boolean; rejected: Array<{ line: number; reasons: string[] }> };
      };
      expect(imported.importOrganisations.committed).toBe(false);
      expect(imported.importOrganisations.rejected).toEqual([
        { line: 2, code: 'RQQ', reasons: [expect.stringContaining('U+202E')] },
      ]);
      expect({ organisations: await count(organisations), outbox: await count(outbox) }).toEqual(before);
    });

    it('answers ids, cursors and searches it cannot use with null, NOT_FOUND or BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
      for (const id of ['not-a-uuid', "1' OR '1'='1"]) {
        const read = await gql(`query($id: ID!) { organisation(id: $id) { id } }`, { id });
        expect({ id, read: read.data, errors: read.errors }).toEqual({
          id,
          read: { organisation: null },
          errors: undefined,
        });
        const merge = await gql(
          `mutation($id: ID!) { mergeOrganisations(fromId: $id, intoId: $id) { successor { id } } }`,
          { id },
          admin,
        );
        expect({ id, code: errorCode(merge) }).toEqual({ id, code: 'BAD_USER_INPUT' });
        const close = await gql(`mutation($id: ID!) { closeOrganisation(id: $id) { id } }`, { id }, admin);
        expect({ id, code: errorCode(close) }).toEqual({ id, code: 'NOT_FOUND' });
        const update = await gql(
          `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "x" }) { id } }`,
          { id },
          admin,
        );
        expect({ id, code: errorCode(update) }).toEqual({ id, code: 'NOT_FOUND' });
      }
      const summary = await gql(
        `{ selfAssessmentSummary(year: -2147483648) { assessmentsCounted } }`,
        {},
        analyst,
      );
      expect(errorCode(summary)).toBe('BAD_USER_INPUT');
      const search = await gql(`query($s: String) { organisations(filter: { search: $s }) { totalCount } }`, {
        s: 's'.repeat(201),
      });
      expect(errorCode(search)).toBe('BAD_USER_INPUT');
      const nul = Buffer.from(JSON.stringify(['a\u0000b', '0f8fad5b-d9cb-469f-a165-70867728950e'])).toString(
        'base64url',
      );
      const cursor = await gql(`query($a: String) { organisations(after: $a) { totalCount } }`, { a: nul });
      expect(errorCode(cursor)).toBe('BAD_USER_INPUT');
    });

    it('merges an organisation into its successor, which its sites and later references follow', async () => {
      const ids = (await database.query(`SELECT ods_code, id FROM organisation`)).rows as Array<{
        ods_code: string;
        id: string;
      }>;
      const id = (code: string) => ids.find((row) => row.ods_code === code)?.id as string;
      const merge = `mutation($from: ID!, $into: ID!) { mergeOrganisations(fromId: $from, intoId: $into) {
        organisation { odsCode status successor { odsCode } sites { code } } successor { odsCode sites { code } } } }`;
      expect(errorCode(await gql(merge, { from: id('RXA'), into: id('RXA') }, admin))).toBe('BAD_USER_INPUT');
      const merged = await gql(merge, { from: id('RXA'), into: id('RXB') }, admin);
      expect(merged.errors).toBeUndefined();
      expect(merged.data).toEqual({
        mergeOrganisations: {
          organisation: { odsCode: 'RXA', status: 'CLOSED', successor: { odsCode: 'RXB' }, sites: [] },
          successor: { odsCode: 'RXB', sites: [{ code: 'RXA01' }, { code: 'RXA02' }, { code: 'RXB01' }] },
        },
      });
      expect(errorCode(await gql(merge, { from: id('RXA'), into: id('RXB') }, admin))).toBe('CONFLICT');
      await waitFor(async () =>
        organisationEvents().some((e) => e.event.type === 'nets.organisation.merged.v1'),
      );
      const mergedEvent = organisationEvents().find((e) => e.event.type === 'nets.organisation.merged.v1');
      expect(mergedEvent?.key).toBe(id('RXA'));
      expect(mergedEvent?.event.data).toMatchObject({
        organisation: { odsCode: 'RXA', status: 'CLOSED', successorId: id('RXB') },
        successor: { odsCode: 'RXB' },
      });
      const entities = await subgraph(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { odsCode successor { odsCode } } } }`,
        { r: [{ __typename: 'Organisation', id: id('RXA') }] },
      );
      expect(entities.data).toEqual({ _entities: [{ odsCode: 'RXA', successor: { odsCode: 'RXB' } }] });
    });
  });

  describe('the Provider Self-Assessment workflow', () => {
    const YEAR = 2025;
    let own: string;
    let other: string;
    let ownUser: string;
    let otherUser: string;
    let qualityTeam: string;
    let otherRegionTeam: string;

    const completeStandards = PSA_STANDARDS.map((s) =>
      s.code === '1.7'
        ? {
            standardCode: s.code,
            rating: 'NOT_MET',
            evidence: 'Staff survey shows learners fear speaking up.',
            action: {
              description: 'Launch speak-up champions',
              owner: 'Director of Education',
              dueDate: '2025-12-31',
            },
          }
        : { standardCode: s.code, rating: 'MET', evidence: `Evidence for ${s.code}` },
    );
    const allYes = [
      'EDI_LEAD',
      'REPORTING_MECHANISMS_INCLUDE_LEARNERS',
      'DISCRIMINATORY_BEHAVIOUR_POLICY',
      'SEXUAL_HARASSMENT_POLICY',
      'SEXUAL_SAFETY_CHARTER_SIGNED',
      'SEXUAL_SAFETY_LEAD',
      'FTSU_GUARDIAN_PROMOTES_CONCERNS',
      'SPEAK_UP_WITHOUT_FEAR',
      'FAIR_TREATMENT_CULTURE',
      'SAFE_ENVIRONMENT',
      'SLEC_AWARE',
      'SLEC_IMPLEMENTED_MULTI_PROFESSIONALLY',
    ].map((indicator) => ({ indicator, answer: indicator !== 'SPEAK_UP_WITHOUT_FEAR' }));
    const signOff = { name: 'Dr Ada Okafor', jobTitle: 'Chief Nursing Officer' };
    type State = {
      status: string;
      version: number;
      submissionCount: number;
      reviews: Array<{ decision: string; comments: string | null }>;
      standards: Array<{ standardCode: string; evidence: string | null }>;
    };
    /** The own provider's assessment as the quality team reads it, with its version. */
    const state = async (): Promise<State> =>
      (
        (await gql(STATE, { id: own, year: YEAR }, qualityTeam)).data as {
          organisation: { selfAssessment: State };
        }
      ).organisation.selfAssessment;

    beforeAll(async () => {
      const register = async (odsCode: string, region: string) => {
        const response = await gql(
          REGISTER,
          {
            input: {
              odsCode,
              name: `${odsCode} Trust`,
              kind: 'NHS_TRUST',
              roles: ['PLACEMENT_PROVIDER'],
              region,
            },
          },
          admin,
        );
        return (response.data as { registerOrganisation: { id: string } }).registerOrganisation.id;
      };
      own = await register('RYA', 'MIDLANDS');
      other = await register('RYB', 'MIDLANDS');
      ownUser = await testToken({ role: 'PROVIDER_USER', organisationId: own, subject: 'provider-1' });
      otherUser = await testToken({ role: 'PROVIDER_USER', organisationId: other });
      qualityTeam = await testToken({ role: 'QUALITY_TEAM', region: 'MIDLANDS', subject: 'qt-1' });
      otherRegionTeam = await testToken({ role: 'QUALITY_TEAM', region: 'LONDON' });
    });

    it('lets only an administrator open a cycle', async () => {
      const input = {
        year: YEAR,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
      };
      const create = `mutation($input: CreateSelfAssessmentCycleInput!) { createSelfAssessmentCycle(input: $input) { year } }`;
      expect(errorCode(await gql(create, { input }, ownUser))).toBe('FORBIDDEN');
      expect(errorCode(await gql(create, { input: { ...input, dueAt: input.opensAt } }, admin))).toBe(
        'BAD_USER_INPUT',
      );
      expect((await gql(create, { input }, admin)).data).toEqual({
        createSelfAssessmentCycle: { year: YEAR },
      });
      expect(errorCode(await gql(create, { input }, admin))).toBe('CONFLICT');
      const questions = await gql(
        `{ selfAssessmentQuestionSet(year: ${YEAR}) { domains { number standards { standardCode } } indicators { indicator } } }`,
        {},
        ownUser,
      );
      const set = (
        questions.data as {
          selfAssessmentQuestionSet: { domains: Array<{ standards: unknown[] }>; indicators: unknown[] };
        }
      ).selfAssessmentQuestionSet;
      expect(set.domains).toHaveLength(6);
      expect(set.domains.flatMap((d) => d.standards)).toHaveLength(49);
      expect(set.indicators).toHaveLength(12);
    });

    it('refuses absurd cycles, over-long or hidden-character text and unknown ids, storing nothing', async () => {
      const assessments = 'SELECT count(*)::int AS n FROM self_assessment';
      const cycles = 'SELECT count(*)::int AS n FROM self_assessment_cycle';
      const before = { assessments: await count(assessments), cycles: await count(cycles) };
      const create = `mutation($input: CreateSelfAssessmentCycleInput!) { createSelfAssessmentCycle(input: $input) { year } }`;
      for (const input of [
        { year: 2024, opensAt: '1900-01-01T00:00:00Z', dueAt: '2024-06-01T00:00:00Z' },
        { year: 2024, opensAt: '2024-01-01T00:00:00Z', dueAt: '3000-01-01T00:00:00Z' },
        { year: 9999, opensAt: '2024-01-01T00:00:00Z', dueAt: '2024-06-01T00:00:00Z' },
      ])
        expect({ input, code: errorCode(await gql(create, { input }, admin)) }).toEqual({
          input,
          code: 'BAD_USER_INPUT',
        });
      const standard = (change: Record<string, unknown>) => ({
        input: { organisationId: own, year: YEAR, standards: [{ ...completeStandards[0], ...change }] },
      });
      const action = { description: 'Train', owner: 'Director', dueDate: '2025-12-31' };
      for (const [what, change] of Object.entries({
        'evidence of 5,000 characters': { evidence: 'e'.repeat(5000) },
        'evidence with a right-to-left override': { evidence: 'Audit \u202Etneserp' },
        'an owner with a line break': { rating: 'PARTLY_MET', action: { ...action, owner: 'Dr\nX' } },
        'an action of 60,000 characters': {
          rating: 'PARTLY_MET',
          action: { ...action, description: 'a'.repeat(60000) },
        },
        'an action due in 9999': { rating: 'PARTLY_MET', action: { ...action, dueDate: '9999-12-31' } },
      }))
        expect({ what, code: errorCode(await gql(SAVE, standard(change), ownUser)) }).toEqual({
          what,
          code: 'BAD_USER_INPUT',
        });
      for (const name of ['N'.repeat(201), 'Dr \u2066Ada'])
        expect(
          errorCode(await gql(SUBMIT, { org: own, year: YEAR, signOff: { ...signOff, name } }, ownUser)),
        ).toBe('BAD_USER_INPUT');
      const comments = await gql(
        REVIEW,
        { input: { organisationId: own, year: YEAR, decision: 'RETURN', comments: 'c'.repeat(60000) } },
        qualityTeam,
      );
      expect(errorCode(comments)).toBe('BAD_USER_INPUT');
      const unknown = await gql(
        REVIEW,
        { input: { organisationId: 'not-a-uuid', year: YEAR, decision: 'START_REVIEW' } },
        qualityTeam,
      );
      expect(errorCode(unknown)).toBe('NOT_FOUND');
      expect({ assessments: await count(assessments), cycles: await count(cycles) }).toEqual(before);
    });

    it("lets a provider save its own draft and nobody else's", async () => {
      const input = {
        organisationId: own,
        year: YEAR,
        standards: completeStandards.slice(0, 10),
        indicators: allYes,
      };
      expect(errorCode(await gql(SAVE, { input }, otherUser))).toBe('FORBIDDEN');
      expect(errorCode(await gql(SAVE, { input }, qualityTeam))).toBe('FORBIDDEN');
      expect(errorCode(await gql(SAVE, { input }, admin))).toBe('FORBIDDEN');
      const bad = await gql(
        SAVE,
        { input: { ...input, standards: [{ standardCode: '9.9', rating: 'MET' }] } },
        ownUser,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(await count('SELECT count(*)::int AS n FROM self_assessment')).toBe(0);
      const saved = await gql(SAVE, { input }, ownUser);
      expect(saved.data).toMatchObject({
        saveSelfAssessment: { status: 'DRAFT', late: false, locked: false },
      });
    });

    it('refuses a save over a draft someone else saved since it was read (CONFLICT), losing neither edit', async () => {
      const VERSIONED = `query($id: ID!, $year: Int!) { organisation(id: $id) { selfAssessment(year: $year) {
        version standards { standardCode evidence } } } }`;
      const SAVE_VERSION = `mutation($input: SaveSelfAssessmentInput!) { saveSelfAssessment(input: $input) { version } }`;
      const colleague = await testToken({
        role: 'PROVIDER_USER',
        organisationId: own,
        subject: 'provider-2',
      });
      type Read = {
        organisation: {
          selfAssessment: {
            version: number;
            standards: Array<{ standardCode: string; evidence: string | null }>;
          };
        };
      };
      const read = async () =>
        ((await gql(VERSIONED, { id: own, year: YEAR }, ownUser)).data as Read).organisation.selfAssessment;
      const evidenceOf = (answer: Awaited<ReturnType<typeof read>>, code: string) =>
        answer.standards.find((s) => s.standardCode === code)?.evidence;
      const edit = (code: string, evidence: string, expectedVersion: number) => ({
        input: {
          organisationId: own,
          year: YEAR,
          expectedVersion,
          standards: [{ standardCode: code, rating: 'MET', evidence }],
        },
      });

      // Both open the draft at the same version; the first to save wins, the second is told, not overwritten.
      const opened = await read();
      const first = await gql(
        SAVE_VERSION,
        edit('1.1', 'Audit of induction, first editor', opened.version),
        ownUser,
      );
      expect(first.data).toEqual({ saveSelfAssessment: { version: opened.version + 1 } });
      const stale = await gql(SAVE_VERSION, edit('1.2', 'Second editor, stale', opened.version), colleague);
      expect(errorCode(stale)).toBe('CONFLICT');
      const afterConflict = await read();
      expect(afterConflict.version).toBe(opened.version + 1);
      expect(evidenceOf(afterConflict, '1.1')).toBe('Audit of induction, first editor');
      expect(evidenceOf(afterConflict, '1.2')).toBe(evidenceOf(opened, '1.2'));

      // The second editor reloads and saves again: both edits are kept.
      const retried = await gql(
        SAVE_VERSION,
        edit('1.2', 'Second editor, after reloading', afterConflict.version),
        colleague,
      );
      expect(retried.data).toEqual({ saveSelfAssessment: { version: opened.version + 2 } });
      const both = await read();
      expect(evidenceOf(both, '1.1')).toBe('Audit of induction, first editor');
      expect(evidenceOf(both, '1.2')).toBe('Second editor, after reloading');

      // "I read no assessment" (0) over an existing one is stale too; two saves racing on one version: one wins.
      expect(errorCode(await gql(SAVE_VERSION, edit('1.3', 'Blind', 0), ownUser))).toBe('CONFLICT');
      const race = await Promise.all([
        gql(SAVE_VERSION, edit('1.3', 'Racer A', both.version), ownUser),
        gql(SAVE_VERSION, edit('1.3', 'Racer B', both.version), colleague),
      ]);
      expect(race.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const raced = await read();
      expect(raced.version).toBe(both.version + 1);
      const winner = race.findIndex((r) => errorCode(r) === undefined);
      expect(evidenceOf(raced, '1.3')).toBe(winner === 0 ? 'Racer A' : 'Racer B');
    });

    it('gives FORBIDDEN to a provider reading another provider’s assessment, and scopes every other reader', async () => {
      const asOther = await gql(READ, { id: own, year: YEAR }, otherUser);
      expect(errorCode(asOther)).toBe('FORBIDDEN');
      expect(errorCode(await gql(READ, { id: own, year: YEAR }, otherRegionTeam))).toBe('FORBIDDEN');
      expect(errorCode(await gql(READ, { id: own, year: YEAR }))).toBe('UNAUTHENTICATED');
      for (const token of [ownUser, qualityTeam, analyst, admin]) {
        const read = await gql(READ, { id: own, year: YEAR }, token);
        expect(read.errors).toBeUndefined();
        expect(read.data).toMatchObject({ organisation: { selfAssessment: { status: 'DRAFT' } } });
      }
      const list = `query($year: Int!) { selfAssessments(year: $year) { organisation { odsCode } } }`;
      expect((await gql(list, { year: YEAR }, otherUser)).data).toEqual({ selfAssessments: [] });
      expect((await gql(list, { year: YEAR }, otherRegionTeam)).data).toEqual({ selfAssessments: [] });
      expect((await gql(list, { year: YEAR }, qualityTeam)).data).toEqual({
        selfAssessments: [{ organisation: { odsCode: 'RYA' } }],
      });
      const entities = await subgraph(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { selfAssessment(year: ${YEAR}) { status } } } }`,
        { r: [{ __typename: 'Organisation', id: own }] },
        otherUser,
      );
      expect(errorCode(entities)).toBe('FORBIDDEN');
    });

    it('shows the region who has not returned the assessment, not-started providers included, to quality teams only', async () => {
      const returns = `query($year: Int!, $region: NhsRegion) { selfAssessmentReturns(year: $year, region: $region) {
        organisation { odsCode region roles status } status submitted late assessment { status } } }`;
      type Row = {
        organisation: { odsCode: string; region: string; roles: string[]; status: string };
        status: string;
        submitted: boolean;
        late: boolean;
        assessment: { status: string } | null;
      };
      const answer = await gql(returns, { year: YEAR }, qualityTeam);
      expect(answer.errors).toBeUndefined();
      const rows = (answer.data as { selfAssessmentReturns: Row[] }).selfAssessmentReturns;
      expect(
        rows.every(
          (r) =>
            r.organisation.region === 'MIDLANDS' &&
            r.organisation.status === 'ACTIVE' &&
            r.organisation.roles.includes('PLACEMENT_PROVIDER'),
        ),
      ).toBe(true);
      const row = (code: string) => rows.find((r) => r.organisation.odsCode === code);
      expect(row('RYA')).toMatchObject({
        status: 'DRAFT',
        submitted: false,
        assessment: { status: 'DRAFT' },
      });
      expect(row('RYB')).toMatchObject({ status: 'NOT_STARTED', submitted: false, assessment: null });
      const { rows: expected } = await database.query(
        `SELECT count(*)::int AS n FROM organisation WHERE region = 'MIDLANDS' AND status = 'ACTIVE'
           AND 'PLACEMENT_PROVIDER' = ANY(roles)`,
      );
      expect(rows).toHaveLength(expected[0].n as number);
      // National roles see every region, or the one asked for; nobody else sees the list.
      const national = await gql(returns, { year: YEAR, region: 'MIDLANDS' }, analyst);
      expect((national.data as { selfAssessmentReturns: Row[] }).selfAssessmentReturns).toEqual(rows);
      expect(errorCode(await gql(returns, { year: YEAR, region: 'MIDLANDS' }, otherRegionTeam))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await gql(returns, { year: YEAR }, ownUser))).toBe('FORBIDDEN');
      expect(errorCode(await gql(returns, { year: YEAR }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(returns, { year: 2099 }, qualityTeam))).toBe('NOT_FOUND');
    });

    it('refuses an incomplete submission with every missing answer, then takes a signed-off one', async () => {
      const incomplete = await gql(SUBMIT, { org: own, year: YEAR, signOff }, ownUser);
      expect(errorCode(incomplete)).toBe('BAD_USER_INPUT');
      expect((incomplete.errors?.[0].extensions?.['details'] as unknown[]).length).toBe(78);
      await gql(SAVE, { input: { organisationId: own, year: YEAR, standards: completeStandards } }, ownUser);
      expect(
        errorCode(
          await gql(SUBMIT, { org: own, year: YEAR, signOff: { name: ' ', jobTitle: 'CEO' } }, ownUser),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(errorCode(await gql(SUBMIT, { org: own, year: YEAR, signOff }, otherUser))).toBe('FORBIDDEN');
      // The senior leader signs off what they read: a colleague's save meanwhile makes their version stale.
      const signed = await state();
      await gql(
        SAVE,
        {
          input: {
            organisationId: own,
            year: YEAR,
            standards: [{ ...completeStandards[0], evidence: 'Later' }],
          },
        },
        ownUser,
      );
      const stale = await gql(SUBMIT_AT, { org: own, year: YEAR, signOff, v: signed.version }, ownUser);
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(await state()).toMatchObject({
        status: 'DRAFT',
        version: signed.version + 1,
        submissionCount: 0,
      });
      await gql(
        SAVE,
        { input: { organisationId: own, year: YEAR, standards: [completeStandards[0]] } },
        ownUser,
      );
      const submitted = await gql(SUBMIT, { org: own, year: YEAR, signOff }, ownUser);
      expect(submitted.data).toEqual({
        submitSelfAssessment: { status: 'SUBMITTED', submissionCount: 1, late: false, signOff },
      });
      expect(
        errorCode(
          await gql(SAVE, { input: { organisationId: own, year: YEAR, indicators: allYes } }, ownUser),
        ),
      ).toBe('CONFLICT');
      await waitFor(async () => assessmentEvents().length === 1);
      expect(assessmentEvents()[0]).toMatchObject({
        key: own,
        event: {
          type: 'nets.assessment.submitted.v1',
          data: {
            organisationId: own,
            year: YEAR,
            standardsNotMet: ['1.7'],
            standardsPartlyMet: [],
            resubmission: false,
          },
        },
      });
    });

    it('lets only the regional quality team review: return with comments, resubmit, accept and lock', async () => {
      const review = (decision: string, comments?: string, token = qualityTeam) =>
        gql(REVIEW, { input: { organisationId: own, year: YEAR, decision, comments } }, token);
      expect(errorCode(await review('START_REVIEW', undefined, otherRegionTeam))).toBe('FORBIDDEN');
      expect(errorCode(await review('START_REVIEW', undefined, analyst))).toBe('FORBIDDEN');
      expect(errorCode(await review('START_REVIEW', undefined, ownUser))).toBe('FORBIDDEN');
      expect(errorCode(await review('ACCEPT'))).toBe('CONFLICT');
      expect((await review('START_REVIEW')).data).toMatchObject({
        reviewSelfAssessment: { status: 'UNDER_REVIEW' },
      });
      const underReview = await state();
      expect(errorCode(await review('RETURN'))).toBe('BAD_USER_INPUT');
      const returned = await review('RETURN', 'Evidence for 1.7 needs the survey dates.');
      expect(returned.data).toEqual({
        reviewSelfAssessment: {
          status: 'RETURNED',
          locked: false,
          reviewComments: 'Evidence for 1.7 needs the survey dates.',
        },
      });
      await gql(
        SAVE,
        {
          input: {
            organisationId: own,
            year: YEAR,
            standards: [{ ...completeStandards[6], evidence: 'Survey of May 2025.' }],
          },
        },
        ownUser,
      );
      const beforeResubmit = await state();
      const resubmitted = await gql(
        SUBMIT_AT,
        { org: own, year: YEAR, signOff, v: beforeResubmit.version },
        ownUser,
      );
      expect(resubmitted.data).toEqual({
        submitSelfAssessment: { status: 'SUBMITTED', version: beforeResubmit.version + 1 },
      });
      await review('START_REVIEW');
      // A second reviewer's page, opened on the first submission under review, would accept the second
      // unseen: its version is stale, so it is refused and nothing changes; on the current version it goes.
      const reviewing = await state();
      const at = (decision: string, expectedVersion: number, comments?: string) =>
        gql(
          REVIEW,
          { input: { organisationId: own, year: YEAR, decision, comments, expectedVersion } },
          qualityTeam,
        );
      expect(errorCode(await at('ACCEPT', underReview.version))).toBe('CONFLICT');
      expect(errorCode(await at('RETURN', underReview.version, 'Stale'))).toBe('CONFLICT');
      expect(await state()).toEqual(reviewing);
      expect(reviewing.status).toBe('UNDER_REVIEW');
      expect((await at('ACCEPT', reviewing.version)).data).toMatchObject({
        reviewSelfAssessment: { status: 'ACCEPTED', locked: true },
      });
      expect(
        errorCode(
          await gql(SAVE, { input: { organisationId: own, year: YEAR, indicators: allYes } }, ownUser),
        ),
      ).toBe('CONFLICT');
      expect(errorCode(await gql(SUBMIT, { org: own, year: YEAR, signOff }, ownUser))).toBe('CONFLICT');
      expect(errorCode(await review('RETURN', 'again'))).toBe('CONFLICT');

      await waitFor(async () => assessmentEvents().length === 4);
      expect(assessmentEvents().map((e) => e.event.type)).toEqual([
        'nets.assessment.submitted.v1',
        'nets.assessment.returned.v1',
        'nets.assessment.submitted.v1',
        'nets.assessment.accepted.v1',
      ]);
      expect(assessmentEvents()[1].event.data).toMatchObject({
        comments: 'Evidence for 1.7 needs the survey dates.',
      });
      expect(assessmentEvents()[2].event.data).toMatchObject({ resubmission: true });
    });

    it('shows a late assessment as late', async () => {
      await database.query(
        `INSERT INTO self_assessment_cycle (year, opens_at, due_at) VALUES (2021, now() - interval '60 days', now() - interval '1 day')`,
      );
      await gql(
        SAVE,
        { input: { organisationId: other, year: 2021, standards: completeStandards } },
        otherUser,
      );
      const view = await gql(`{ selfAssessments(year: 2021) { late status } }`, {}, otherUser);
      expect(view.data).toEqual({ selfAssessments: [{ late: true, status: 'DRAFT' }] });
    });

    it('suppresses a summary of fewer than 3 providers', async () => {
      const summary = await gql(
        `{ selfAssessmentSummary(year: ${YEAR}, region: MIDLANDS) { assessmentsCounted indicators { indicator percentYes suppressed answered } } }`,
        {},
        ownUser,
      );
      const data = (
        summary.data as {
          selfAssessmentSummary: { assessmentsCounted: number; indicators: Array<Record<string, unknown>> };
        }
      ).selfAssessmentSummary;
      expect(data.assessmentsCounted).toBe(1);
      expect(
        data.indicators.every((i) => i.suppressed === true && i.percentYes === null && i.answered === 0),
      ).toBe(true);
      expect(errorCode(await gql(`{ selfAssessmentSummary(year: ${YEAR}) { year } }`))).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('the national summary from the demo registry and synthetic assessments', () => {
    it('reproduces the national report’s figures, checked against hand-computed numbers', async () => {
      const registry = demoRegistry();
      const imported = await gql(IMPORT, { csv: toOrganisationCsv(registry) }, admin);
      expect(imported.data).toMatchObject({
        // A81001 was imported by an earlier test: the extract updates it.
        importOrganisations: { committed: true, registered: 259, updated: 1, rejected: [] },
      });
      for (const cycle of DEMO_PSA_CYCLES) {
        await gql(
          `mutation($input: CreateSelfAssessmentCycleInput!) { createSelfAssessmentCycle(input: $input) { year } }`,
          {
            input: {
              year: cycle.year,
              opensAt: cycle.opensAt.toISOString(),
              dueAt: cycle.dueAt.toISOString(),
            },
          },
          admin,
        );
        const rows = demoSelfAssessments(registry, cycle.year);
        const result = await gql(
          `mutation($year: Int!, $rows: [SelfAssessmentImportRowInput!]!) { importSelfAssessments(year: $year, rows: $rows) { committed imported rejected { odsCode reasons } } }`,
          { year: cycle.year, rows },
          admin,
        );
        expect(result.data).toEqual({
          importSelfAssessments: { committed: true, imported: 200, rejected: [] },
        });
      }
      const response = await gql(
        `{ selfAssessmentSummary(year: 2024) { assessmentsCounted
            indicators { indicator answered yes percentYes headline previousYears { year percentYes } }
            standards { standardCode met partlyMet notMet } } }`,
        {},
        analyst,
      );
      expect(response.errors).toBeUndefined();
      const summary = (
        response.data as {
          selfAssessmentSummary: {
            assessmentsCounted: number;
            indicators: Array<{
              indicator: string;
              answered: number;
              yes: number;
              percentYes: number;
              headline: string;
            }>;
            standards: Array<{ met: number; partlyMet: number; notMet: number }>;
          };
        }
      ).selfAssessmentSummary;
      expect(summary.assessmentsCounted).toBe(200);
      // 200 placement providers: each percentage point is exactly 2 providers.
      const row = (key: string) => summary.indicators.find((i) => i.indicator === key);
      expect(row('SPEAK_UP_WITHOUT_FEAR')).toMatchObject({
        answered: 200,
        yes: 182,
        percentYes: 91,
        headline: '91%, down from 94% in 2023 and 98% in 2022',
      });
      expect(row('EDI_LEAD')).toMatchObject({
        yes: 196,
        percentYes: 98,
        headline: '98%, up from 97% in 2023 and 95% in 2022',
      });
      expect(row('SEXUAL_HARASSMENT_POLICY')).toMatchObject({ yes: 188, percentYes: 94 });
      expect(row('FTSU_GUARDIAN_PROMOTES_CONCERNS')).toMatchObject({
        yes: 198,
        percentYes: 99,
        headline: '99%, unchanged from 99% in 2023 and 98% in 2022',
      });
      expect(row('SLEC_IMPLEMENTED_MULTI_PROFESSIONALLY')).toMatchObject({
        yes: 174,
        percentYes: 87,
        headline: '87%, up from 75% in 2023',
      });
      expect(summary.indicators.map((i) => i.percentYes)).toEqual([
        98, 96, 99, 94, 97, 91, 99, 91, 93, 98, 99, 87,
      ]);
      expect(summary.standards).toHaveLength(49);
      expect(summary.standards.every((s) => s.met + s.partlyMet + s.notMet === 200)).toBe(true);

      const regions = [
        'LONDON',
        'SOUTH_EAST',
        'SOUTH_WEST',
        'MIDLANDS',
        'EAST_OF_ENGLAND',
        'NORTH_EAST_AND_YORKSHIRE',
        'NORTH_WEST',
      ];
      let regionalYes = 0;
      for (const region of regions) {
        const regional = await gql(
          `query($region: NhsRegion) { selfAssessmentSummary(year: 2024, region: $region) { assessmentsCounted indicators { indicator yes } } }`,
          { region },
          analyst,
        );
        const data = (
          regional.data as {
            selfAssessmentSummary: {
              assessmentsCounted: number;
              indicators: Array<{ indicator: string; yes: number }>;
            };
          }
        ).selfAssessmentSummary;
        expect(data.assessmentsCounted).toBeGreaterThan(20);
        regionalYes += data.indicators.find((i) => i.indicator === 'SPEAK_UP_WITHOUT_FEAR')?.yes ?? 0;
      }
      expect(regionalYes).toBe(182);
    });
  });
});

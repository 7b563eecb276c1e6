import { readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import * as ts from 'typescript';
import {
  ASYNCAPI_TOPICS_FILE,
  ESLINT_CONFIG_FILE,
  ROOT_TSCONFIG_FILE,
  SERVICE_DATABASES_FILE,
  SUBGRAPHS_FILE,
  subgraphGenerator,
  typeormPrimaryKeyName,
} from './generator';
import { appendArrayElement } from './source-edits';

// Minimal copies of the registries the generator edits, in the shape the real ones have.
const SUBGRAPHS_SOURCE = `/** Every subgraph of the supergraph. */
export interface SubgraphDefinition {
  name: string;
  schemaFolder: string;
  localUrl: string;
  contextType: string;
  mappers: Record<string, string>;
}

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  {
    name: 'survey',
    schemaFolder: 'libs/survey/feature-subgraph/src/schema',
    localUrl: 'http://127.0.0.1:4101/graphql',
    contextType: '../lib/survey-context#SurveyContext',
    mappers: {
      Measure: '@nets/survey/data-access#MeasureRecord',
    },
  },
];
`;

const SERVICE_DATABASES_SOURCE = `import { SURVEY_ENTITIES, SURVEY_MIGRATIONS } from '@nets/survey/data-access';

/** Each service's entities and migrations, for the schema tools. */
export const SERVICE_DATABASES = [{ service: 'survey', entities: SURVEY_ENTITIES, migrations: SURVEY_MIGRATIONS }];
`;

const TOPICS_SOURCE = `import type { TopicDefinition } from '@nets/shared/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';

export const ALL_TOPICS: readonly TopicDefinition[] = [surveyTopic];
`;

const ESLINT_SOURCE = `const depConstraints = () => [
  ...['survey', 'response'].map((scope) => ({ sourceTag: \`scope:\${scope}\` })),
];
export default depConstraints;
`;

function seed(tree: Tree, extras: { topics?: boolean; eslint?: boolean; codeowners?: string } = {}): void {
  tree.write(SUBGRAPHS_FILE, SUBGRAPHS_SOURCE);
  tree.write(SERVICE_DATABASES_FILE, SERVICE_DATABASES_SOURCE);
  tree.write(
    ROOT_TSCONFIG_FILE,
    `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          paths: {
            '@nets/shared/testing': ['libs/shared/testing/src/index.ts'],
            '@nets/survey/data-access': ['libs/survey/data-access/src/index.ts'],
          },
        },
      },
      null,
      2,
    )}\n`,
  );
  tree.write(
    '.prettierrc.json',
    JSON.stringify({ singleQuote: true, printWidth: 110, trailingComma: 'all' }),
  );
  if (extras.topics) tree.write(ASYNCAPI_TOPICS_FILE, TOPICS_SOURCE);
  if (extras.eslint) tree.write(ESLINT_CONFIG_FILE, ESLINT_SOURCE);
  if (extras.codeowners !== undefined) tree.write('CODEOWNERS', extras.codeowners);
}

function read(tree: Tree, path: string): string {
  const content = tree.read(path, 'utf-8');
  if (content === null) throw new Error(`${path} was not generated`);
  return content;
}

/** TypeScript syntax errors of a generated file (types are checked by the end-to-end run, not here). */
function syntaxErrors(path: string, source: string): string[] {
  const output = ts.transpileModule(source, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { experimentalDecorators: true },
  });
  return (output.diagnostics ?? []).map(
    (d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  );
}

describe('subgraph generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    seed(tree);
  });

  describe('without an entity', () => {
    beforeEach(async () => {
      await subgraphGenerator(tree, {
        name: 'provider-assessment',
        port: 4102,
        skipCodegen: true,
        skipFormat: true,
      });
    });

    it('creates the thin app and the four libraries with the files every service has', () => {
      const expected = [
        'apps/provider-assessment/project.json',
        'apps/provider-assessment/tsconfig.json',
        'apps/provider-assessment/README.md',
        'apps/provider-assessment/src/defaults.ts',
        'apps/provider-assessment/src/main.ts',
        'apps/provider-assessment/src/migrate.ts',
        ...['contract-events', 'domain', 'data-access', 'feature-subgraph'].flatMap((lib) =>
          ['project.json', 'jest.config.js', 'tsconfig.json', 'README.md', 'src/index.ts'].map(
            (file) => `libs/provider-assessment/${lib}/${file}`,
          ),
        ),
        'libs/provider-assessment/contract-events/src/lib/provider-assessment.topic.ts',
        'libs/provider-assessment/contract-events/src/lib/provider-assessment.topic.spec.ts',
        'libs/provider-assessment/domain/src/lib/provider-assessment.rules.ts',
        'libs/provider-assessment/domain/src/lib/provider-assessment.rules.spec.ts',
        'libs/provider-assessment/data-access/src/lib/entities/index.ts',
        'libs/provider-assessment/data-access/src/lib/migrations/index.ts',
        'libs/provider-assessment/data-access/src/lib/repositories/index.ts',
        'libs/provider-assessment/feature-subgraph/src/schema/00-federation.graphql',
        'libs/provider-assessment/feature-subgraph/src/schema/provider-assessment.graphql',
        'libs/provider-assessment/feature-subgraph/src/lib/provider-assessment-service.ts',
        'libs/provider-assessment/feature-subgraph/src/lib/provider-assessment-context.ts',
        'libs/provider-assessment/feature-subgraph/src/lib/resolvers/provider-assessment.resolvers.ts',
        'libs/provider-assessment/feature-subgraph/src/lib/services/health.service.ts',
        'libs/provider-assessment/feature-subgraph/src/lib/consumers/provider-assessment.consumers.ts',
        'libs/provider-assessment/feature-subgraph/src/lib/provider-assessment.integration-spec.ts',
      ];
      for (const path of expected) expect(tree.exists(path)).toBe(true);
      const generated = tree.listChanges().map((change) => change.path);
      expect(generated.filter((path) => path.endsWith('.template') || path.includes('__'))).toEqual([]);
      expect(generated.some((path) => path.includes('/entities/') && path.endsWith('.entity.ts'))).toBe(
        false,
      );
    });

    it('tags every project with its scope and type, and wires the app targets like the survey app', () => {
      const tags = (path: string) => readJson<{ tags: string[] }>(tree, path).tags;
      expect(tags('apps/provider-assessment/project.json')).toEqual([
        'scope:provider-assessment',
        'type:app',
      ]);
      expect(tags('libs/provider-assessment/contract-events/project.json')).toEqual([
        'scope:provider-assessment',
        'type:contract',
      ]);
      expect(tags('libs/provider-assessment/domain/project.json')).toEqual([
        'scope:provider-assessment',
        'type:domain',
      ]);
      expect(tags('libs/provider-assessment/data-access/project.json')).toEqual([
        'scope:provider-assessment',
        'type:data-access',
      ]);
      expect(tags('libs/provider-assessment/feature-subgraph/project.json')).toEqual([
        'scope:provider-assessment',
        'type:feature',
      ]);

      const app = readJson(tree, 'apps/provider-assessment/project.json');
      expect(app.name).toBe('provider-assessment');
      expect(app.targets.serve).toEqual({
        command: 'node -r @swc-node/register apps/provider-assessment/src/main.ts',
        options: { env: { SWC_NODE_PROJECT: 'tsconfig.base.json' } },
      });
      expect(app.targets.migrate.command).toBe(
        'node -r @swc-node/register apps/provider-assessment/src/migrate.ts',
      );
      expect(readJson(tree, 'libs/provider-assessment/feature-subgraph/project.json').name).toBe(
        'provider-assessment-feature-subgraph',
      );
      expect(read(tree, 'libs/provider-assessment/data-access/jest.config.js')).toContain(
        "preset: '../../../tools/jest/jest.preset.js'",
      );
      expect(readJson(tree, 'libs/provider-assessment/data-access/tsconfig.json').extends).toBe(
        '../../../tsconfig.base.json',
      );
      expect(readJson(tree, 'apps/provider-assessment/tsconfig.json').extends).toBe(
        '../../tsconfig.base.json',
      );
    });

    it('configures the port and the default database and topic', () => {
      expect(read(tree, 'apps/provider-assessment/src/defaults.ts')).toContain(
        "PROVIDER_ASSESSMENT_DEFAULTS = { port: 4102, database: 'nets_provider_assessment' }",
      );
      const topic = read(
        tree,
        'libs/provider-assessment/contract-events/src/lib/provider-assessment.topic.ts',
      );
      expect(topic).toContain("name: 'nets.provider-assessment.v1'");
      expect(topic).toContain("'nets.provider-assessment.example-recorded.v1': exampleRecordedSchema");
      expect(topic).toContain('export const providerAssessmentTopic = defineTopic({');
    });

    it('writes a Federation 2 schema with a placeholder query every resolver of which states a policy', () => {
      const federation = read(
        tree,
        'libs/provider-assessment/feature-subgraph/src/schema/00-federation.graphql',
      );
      expect(federation).toContain('extend schema @link(url: "https://specs.apollo.dev/federation/v2.7"');
      expect(federation).toContain('scalar DateTime');
      const schema = read(
        tree,
        'libs/provider-assessment/feature-subgraph/src/schema/provider-assessment.graphql',
      );
      expect(schema).toMatch(/extend type Query \{[^}]*providerAssessmentHealth: String!/);
      const resolvers = read(
        tree,
        'libs/provider-assessment/feature-subgraph/src/lib/resolvers/provider-assessment.resolvers.ts',
      );
      expect(resolvers).toContain('providerAssessmentHealth: allow(signedIn,');
      const service = read(
        tree,
        'libs/provider-assessment/feature-subgraph/src/lib/provider-assessment-service.ts',
      );
      expect(service).toContain(
        'export const providerAssessmentService: ServiceDefinition<ProviderAssessmentContext> = {',
      );
      expect(read(tree, 'libs/provider-assessment/data-access/src/lib/entities/index.ts')).toContain(
        'export const PROVIDER_ASSESSMENT_ENTITIES',
      );
      expect(read(tree, 'libs/provider-assessment/data-access/src/lib/migrations/index.ts')).toContain(
        'export const PROVIDER_ASSESSMENT_MIGRATIONS',
      );
      const spec = read(
        tree,
        'libs/provider-assessment/feature-subgraph/src/lib/provider-assessment.integration-spec.ts',
      );
      expect(spec).toContain('startTestPlatform([providerAssessmentService])');
      expect(spec).toContain('schemaDriftOf(providerAssessmentService)');
      expect(spec).toContain("toBe('UNAUTHENTICATED')");
    });

    it('generates syntactically valid TypeScript', () => {
      const errors = tree
        .listChanges()
        .filter((change) => change.path.endsWith('.ts'))
        .flatMap((change) => syntaxErrors(change.path, read(tree, change.path)));
      expect(errors).toEqual([]);
    });

    it('adds the four path aliases to tsconfig.base.json, sorted', () => {
      const paths = readJson(tree, ROOT_TSCONFIG_FILE).compilerOptions.paths as Record<string, string[]>;
      expect(paths['@nets/provider-assessment/contract-events']).toEqual([
        'libs/provider-assessment/contract-events/src/index.ts',
      ]);
      expect(paths['@nets/provider-assessment/domain']).toEqual([
        'libs/provider-assessment/domain/src/index.ts',
      ]);
      expect(paths['@nets/provider-assessment/data-access']).toEqual([
        'libs/provider-assessment/data-access/src/index.ts',
      ]);
      expect(paths['@nets/provider-assessment/feature-subgraph']).toEqual([
        'libs/provider-assessment/feature-subgraph/src/index.ts',
      ]);
      expect(Object.keys(paths)).toEqual([...Object.keys(paths)].sort());
      expect(Object.keys(paths)).toHaveLength(6);
    });

    it('registers the subgraph and its database, keeping the registries valid TypeScript', () => {
      const subgraphs = read(tree, SUBGRAPHS_FILE);
      expect(subgraphs.startsWith(SUBGRAPHS_SOURCE.slice(0, SUBGRAPHS_SOURCE.indexOf('  },\n];')))).toBe(
        true,
      );
      expect(subgraphs).toContain(`  {
    name: 'provider-assessment',
    schemaFolder: 'libs/provider-assessment/feature-subgraph/src/schema',
    localUrl: 'http://127.0.0.1:4102/graphql',
    contextType: '../lib/provider-assessment-context#ProviderAssessmentContext',
    mappers: {},
  },
];`);
      const databases = read(tree, SERVICE_DATABASES_FILE);
      expect(databases).toContain(
        "import { PROVIDER_ASSESSMENT_ENTITIES, PROVIDER_ASSESSMENT_MIGRATIONS } from '@nets/provider-assessment/data-access';",
      );
      expect(databases).toContain(`export const SERVICE_DATABASES = [
  { service: 'survey', entities: SURVEY_ENTITIES, migrations: SURVEY_MIGRATIONS },
  {
    service: 'provider-assessment',
    entities: PROVIDER_ASSESSMENT_ENTITIES,
    migrations: PROVIDER_ASSESSMENT_MIGRATIONS,
  },
];`);
      expect(syntaxErrors(SUBGRAPHS_FILE, subgraphs)).toEqual([]);
      expect(syntaxErrors(SERVICE_DATABASES_FILE, databases)).toEqual([]);
    });

    it('refuses a name, or a port, that is already taken', async () => {
      await expect(
        subgraphGenerator(tree, {
          name: 'provider-assessment',
          port: 4150,
          skipCodegen: true,
          skipFormat: true,
        }),
      ).rejects.toThrow(/already exist/);
      await expect(
        subgraphGenerator(tree, { name: 'concerns', port: 4101, skipCodegen: true, skipFormat: true }),
      ).rejects.toThrow(/Port 4101 is already used/);
      await expect(
        subgraphGenerator(tree, { name: 'Concerns', port: 4103, skipCodegen: true, skipFormat: true }),
      ).rejects.toThrow(/kebab-case/);
    });
  });

  it('with --entity, adds the @key entity, its migration, repository, resolvers and federation contract test', async () => {
    await subgraphGenerator(tree, {
      name: 'concerns',
      port: 4105,
      entity: 'ConcernCase',
      skipCodegen: true,
      skipFormat: true,
    });
    const lib = 'libs/concerns';
    const entity = read(tree, `${lib}/data-access/src/lib/entities/concern-case.entity.ts`);
    expect(entity).toContain("@Entity({ name: 'concern_case' })");
    expect(read(tree, `${lib}/data-access/src/lib/entities/index.ts`)).toContain(
      'export const CONCERNS_ENTITIES: Array<new () => object> = [ConcernCaseEntity];',
    );
    const migrationFile = tree
      .children(`${lib}/data-access/src/lib/migrations`)
      .find((file) => /^\d{13}-concerns-schema\.ts$/.test(file));
    expect(migrationFile).toBeDefined();
    const migration = read(tree, `${lib}/data-access/src/lib/migrations/${migrationFile}`);
    expect(migration).toContain(
      `CONSTRAINT "${typeormPrimaryKeyName('concern_case', ['id'])}" PRIMARY KEY ("id")`,
    );
    expect(read(tree, `${lib}/data-access/src/lib/migrations/index.ts`)).toMatch(
      /CONCERNS_MIGRATIONS: Array<new \(\) => MigrationInterface> = \[ConcernsSchema\d{13}\]/,
    );
    expect(tree.exists(`${lib}/data-access/src/lib/repositories/concern-case.repository.ts`)).toBe(true);
    expect(read(tree, `${lib}/feature-subgraph/src/schema/concerns.graphql`)).toContain(
      'type ConcernCase @key(fields: "id") {',
    );
    const resolvers = read(tree, `${lib}/feature-subgraph/src/lib/resolvers/concerns.resolvers.ts`);
    expect(resolvers).toContain('__resolveReference: allowReference(signedIn,');
    expect(read(tree, `${lib}/feature-subgraph/src/lib/concerns.integration-spec.ts`)).toContain(
      '_entities(representations: $r)',
    );
    expect(read(tree, SUBGRAPHS_FILE)).toContain(`mappers: {
      ConcernCase: '@nets/concerns/domain#ConcernCaseRecord',
    },`);
    expect(read(tree, `${lib}/contract-events/src/lib/concerns.topic.ts`)).toContain(
      "'nets.concerns.concern-case-created.v1'",
    );
    const errors = tree
      .listChanges()
      .filter((change) => change.path.endsWith('.ts'))
      .flatMap((change) => syntaxErrors(change.path, read(tree, change.path)));
    expect(errors).toEqual([]);
  });

  it('lays a sixth service out like the others: domain, data-access, and a feature lib on a unit of work', async () => {
    await subgraphGenerator(tree, {
      name: 'placements',
      port: 4106,
      entity: 'Placement',
      skipCodegen: true,
      skipFormat: true,
    });
    const lib = 'libs/placements';
    const sources = (root: string) =>
      tree
        .listChanges()
        .filter((change) => change.path.startsWith(`${lib}/${root}/`) && change.path.endsWith('.ts'))
        .map((change) => ({ path: change.path, source: read(tree, change.path) }));
    const importsOf = (source: string) => [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);

    // The domain: the plain model and the rules, with no framework and no persistence.
    expect(read(tree, `${lib}/domain/src/lib/models.ts`)).toContain('export interface PlacementRecord {');
    expect(read(tree, `${lib}/domain/src/index.ts`)).toContain("export * from './lib/placements.rules';");
    for (const { path, source } of sources('domain')) {
      expect({ path, imports: importsOf(source).filter((from) => !from.startsWith('./')) }).toEqual({
        path,
        imports: [],
      });
    }
    // Persistence: the repository joins the caller's transaction and maps rows to the domain's model.
    const repository = read(tree, `${lib}/data-access/src/lib/repositories/placement.repository.ts`);
    expect(repository).toContain('findByIds(transaction: Transaction, ids: readonly string[])');
    expect(repository).toContain('managerOf(transaction)');
    expect(importsOf(repository)).toContain('@nets/placements/domain');
    expect(tree.exists(`${lib}/data-access/src/lib/models.ts`)).toBe(false);
    // Wiring, services, consumers and resolvers: no TypeORM anywhere; resolvers see no data-access at all.
    for (const { path, source } of sources('feature-subgraph')) {
      if (path.endsWith('.integration-spec.ts')) continue;
      expect({
        path,
        typeorm: importsOf(source).filter((from) => from === 'typeorm' || from === 'pg'),
      }).toEqual({
        path,
        typeorm: [],
      });
      expect(source).not.toContain('EntityManager');
      expect(source).not.toContain('DataSource');
    }
    const resolvers = read(tree, `${lib}/feature-subgraph/src/lib/resolvers/placements.resolvers.ts`);
    expect(importsOf(resolvers).filter((from) => from.includes('data-access'))).toEqual([]);
    const wiring = read(tree, `${lib}/feature-subgraph/src/lib/placements-service.ts`);
    expect(wiring).toContain('const unitOfWork = createUnitOfWork(dataSource);');
    expect(wiring).toContain('new PlacementService(unitOfWork, new PlacementRepository())');
    expect(wiring).toContain('consumers: placementsConsumers(),');
    const service = read(tree, `${lib}/feature-subgraph/src/lib/services/placement.service.ts`);
    expect(service).toContain('private readonly unitOfWork: UnitOfWork');
    expect(service).toContain('this.repository.findByIds(this.unitOfWork.reads, wanted)');
    expect(read(tree, `${lib}/feature-subgraph/src/lib/consumers/placements.consumers.ts`)).toContain(
      'export function placementsConsumers(): EventHandler[]',
    );
  });

  it('honours --database and --topic', async () => {
    await subgraphGenerator(tree, {
      name: 'response',
      port: 4103,
      database: 'nets_responses',
      topic: 'nets.responses.v2',
      skipCodegen: true,
      skipFormat: true,
    });
    expect(read(tree, 'apps/response/src/defaults.ts')).toContain("database: 'nets_responses'");
    expect(read(tree, 'libs/response/contract-events/src/lib/response.topic.ts')).toContain(
      "name: 'nets.responses.v2'",
    );
  });

  it('adds the topic to the AsyncAPI list, the scope to lint and the owners to CODEOWNERS when those files exist', async () => {
    seed(tree, {
      topics: true,
      eslint: true,
      codeowners: '/apps/survey/     @nets/survey-team\n/libs/survey/     @nets/survey-team',
    });
    await subgraphGenerator(tree, { name: 'analytics', port: 4104, skipCodegen: true, skipFormat: true });
    const topics = read(tree, ASYNCAPI_TOPICS_FILE);
    expect(topics).toContain("import { analyticsTopic } from '@nets/analytics/contract-events';");
    expect(topics).toContain(
      'export const ALL_TOPICS: readonly TopicDefinition[] = [surveyTopic, analyticsTopic];',
    );
    expect(read(tree, ESLINT_CONFIG_FILE)).toContain("...['survey', 'response', 'analytics'].map((scope) =>");
    expect(read(tree, 'CODEOWNERS')).toBe(
      [
        '/apps/survey/     @nets/survey-team',
        '/libs/survey/     @nets/survey-team',
        '/apps/analytics/  @nets/analytics-team',
        '/libs/analytics/  @nets/analytics-team',
        '',
      ].join('\n'),
    );
  });

  it('adds the service to the services npm start runs, in their file layout', async () => {
    tree.write(
      'tools/platform/services.json',
      '[{ "name": "survey", "port": 4101, "database": "nets_survey" }]\n',
    );
    await subgraphGenerator(tree, {
      name: 'analytics',
      port: 4101,
      skipCodegen: true,
      skipFormat: true,
    }).then(
      () => {
        throw new Error('a port used by survey was accepted');
      },
      (error: Error) => expect(error.message).toMatch(/Port 4101 is already used/),
    );
    await subgraphGenerator(tree, { name: 'analytics', port: 4104, skipCodegen: true, skipFormat: true });
    expect(read(tree, 'tools/platform/services.json')).toBe(
      [
        '[',
        '  { "name": "survey", "port": 4101, "database": "nets_survey" },',
        '  { "name": "analytics", "port": 4104, "database": "nets_analytics" }',
        ']',
        '',
      ].join('\n'),
    );
  });

  it('does not list owners CODEOWNERS already names', async () => {
    const owners = '/apps/analytics/ @nets/analytics-team\n/libs/analytics/ @nets/analytics-team\n';
    tree.write('.github/CODEOWNERS', owners);
    await subgraphGenerator(tree, { name: 'analytics', port: 4104, skipCodegen: true, skipFormat: true });
    expect(read(tree, '.github/CODEOWNERS')).toBe(owners);
  });

  it('leaves CODEOWNERS, the AsyncAPI list and lint alone when they do not exist', async () => {
    await subgraphGenerator(tree, { name: 'analytics', port: 4104, skipCodegen: true, skipFormat: true });
    expect(tree.exists('CODEOWNERS')).toBe(false);
    expect(tree.exists(ASYNCAPI_TOPICS_FILE)).toBe(false);
    expect(tree.exists(ESLINT_CONFIG_FILE)).toBe(false);
  });
});

describe('appendArrayElement', () => {
  it('appends to a multi-line array with or without a trailing comma, and lays out one-line arrays', () => {
    expect(appendArrayElement('a.ts', 'export const A = [\n  1,\n  2,\n];\n', 'A', '3')).toBe(
      'export const A = [\n  1,\n  2,\n  3,\n];\n',
    );
    expect(appendArrayElement('a.ts', 'export const A = [\n  1,\n  2\n];\n', 'A', '3')).toBe(
      'export const A = [\n  1,\n  2,\n  3\n];\n',
    );
    expect(appendArrayElement('a.ts', 'export const A: number[] = [];\n', 'A', '3')).toBe(
      'export const A: number[] = [3];\n',
    );
    expect(appendArrayElement('a.ts', 'const A = [];\n', 'A', '{\n  a: 1,\n}')).toBe(
      'const A = [\n  {\n    a: 1,\n  },\n];\n',
    );
    expect(appendArrayElement('a.ts', 'const A = [1, 2] as const;\n', 'A', '3')).toBe(
      'const A = [1, 2, 3] as const;\n',
    );
    expect(appendArrayElement('a.ts', 'const A = [1, 2] as const;\n', 'A', '3', 20)).toBe(
      'const A = [\n  1,\n  2,\n  3,\n] as const;\n',
    );
    expect(() => appendArrayElement('a.ts', 'const B = [];\n', 'A', '3')).toThrow(/no top-level `const A/);
  });
});

// `nx g ./tools/generators:subgraph --name=<kebab> --port=<n>`: a new subgraph service shaped like the
// survey service (CONVENTIONS.md §14), so the second service is generated, not copied.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateFiles,
  logger,
  names,
  offsetFromRoot,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import type { SubgraphGeneratorSchema } from './schema';
import { addNamedImport, appendArrayElement, arrayObjectStrings, quote } from './source-edits';

export const SUBGRAPHS_FILE = 'tools/supergraph/subgraphs.ts';
export const SERVICE_DATABASES_FILE = 'tools/db/service-databases.ts';
export const ROOT_TSCONFIG_FILE = 'tsconfig.base.json';
export const ASYNCAPI_TOPICS_FILE = 'tools/asyncapi/topics.ts';
export const ESLINT_CONFIG_FILE = 'eslint.config.mjs';
export const CODEGEN_SCRIPT = 'tools/codegen/generate.ts';
export const PLATFORM_SERVICES_FILE = 'tools/platform/services.json';
/** Written from PLATFORM_SERVICES_FILE: Prometheus' scrape targets and one Grafana dashboard per process. */
export const OBSERVABILITY_SCRIPTS = [
  'docker/prometheus/generate-config.mjs',
  'docker/grafana/generate-dashboards.mjs',
];
/** Where GitHub looks for a CODEOWNERS file; the first one that exists gets the new lines. */
const CODEOWNERS_FILES = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'];

const LIBRARIES = ['contract-events', 'domain', 'data-access', 'feature-subgraph'] as const;
type Library = (typeof LIBRARIES)[number];

const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DATABASE_PATTERN = /^[a-z_][a-z0-9_]*$/;
// The same rule defineTopic enforces (libs/shared/contract-events), checked here before any file is written.
const TOPIC_PATTERN = /^nets\.[a-z][a-z0-9-]*\.v[0-9]+$/;
const ENTITY_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
const RESERVED_TYPE_NAMES = new Set([
  'Query',
  'Mutation',
  'Subscription',
  'DateTime',
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
]);

export interface EntityNames {
  /** `ProbeItem` */
  className: string;
  /** `probeItem` */
  propertyName: string;
  /** `probe-item` */
  fileName: string;
  /** `probe_item` */
  table: string;
  /** The primary key constraint name TypeORM's default naming strategy gives `<table>(id)`. */
  primaryKeyName: string;
}

export interface NormalizedSubgraphOptions {
  /** `provider-assessment` */
  name: string;
  /** `ProviderAssessment` */
  className: string;
  /** `providerAssessment` */
  propertyName: string;
  /** `PROVIDER_ASSESSMENT` */
  constantName: string;
  port: number;
  database: string;
  topic: string;
  /** The example event the contract lib declares, e.g. `nets.provider-assessment.example-recorded.v1`. */
  eventType: string;
  /** `exampleRecorded` (schema `exampleRecordedSchema`, type `ExampleRecorded`). */
  eventPropertyName: string;
  eventClassName: string;
  entity?: EntityNames;
  migrationClassName?: string;
  migrationFileName?: string;
  appRoot: string;
  libRoot: string;
  skipCodegen: boolean;
  skipFormat: boolean;
}

export function normalizeOptions(
  tree: Tree,
  schema: SubgraphGeneratorSchema,
  now = Date.now(),
): NormalizedSubgraphOptions {
  const name = String(schema.name ?? '').trim();
  if (!NAME_PATTERN.test(name)) {
    throw new Error(`--name must be kebab-case (e.g. provider-assessment), got "${name}".`);
  }
  const port = Number(schema.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`--port must be an integer from 1024 to 65535, got "${String(schema.port)}".`);
  }
  const database = schema.database ?? `nets_${name.replace(/-/g, '_')}`;
  if (!DATABASE_PATTERN.test(database))
    throw new Error(`--database must match ${DATABASE_PATTERN}, got "${database}".`);
  const topic = schema.topic ?? `nets.${name}.v1`;
  if (!TOPIC_PATTERN.test(topic))
    throw new Error(`--topic must look like nets.<stream>.v<major>, got "${topic}".`);

  const serviceNames = names(name);
  let entity: EntityNames | undefined;
  if (schema.entity !== undefined && schema.entity !== '') {
    if (!ENTITY_PATTERN.test(schema.entity)) {
      throw new Error(
        `--entity must be a PascalCase GraphQL type name (e.g. Assessment), got "${schema.entity}".`,
      );
    }
    if (RESERVED_TYPE_NAMES.has(schema.entity))
      throw new Error(`--entity cannot be the built-in type ${schema.entity}.`);
    const entityNames = names(schema.entity);
    const table = entityNames.fileName.replace(/-/g, '_');
    entity = {
      className: entityNames.className,
      propertyName: entityNames.propertyName,
      fileName: entityNames.fileName,
      table,
      primaryKeyName: typeormPrimaryKeyName(table, ['id']),
    };
  }
  const eventName = entity ? `${entity.fileName}-created` : 'example-recorded';
  const eventNames = names(eventName);
  const appRoot = `apps/${name}`;
  const libRoot = `libs/${name}`;

  const taken = [appRoot, ...LIBRARIES.map((lib) => `${libRoot}/${lib}`)].filter((path) => tree.exists(path));
  if (taken.length > 0) throw new Error(`${taken.join(' and ')} already exist: pick another --name.`);
  if (tree.exists(SUBGRAPHS_FILE)) {
    const source = tree.read(SUBGRAPHS_FILE, 'utf-8') ?? '';
    if (arrayObjectStrings(SUBGRAPHS_FILE, source, 'SUBGRAPHS', 'name').includes(name)) {
      throw new Error(`${SUBGRAPHS_FILE} already lists a subgraph named ${name}.`);
    }
    for (const url of arrayObjectStrings(SUBGRAPHS_FILE, source, 'SUBGRAPHS', 'localUrl')) {
      if (portOf(url) === port)
        throw new Error(`Port ${port} is already used by ${url} in ${SUBGRAPHS_FILE}.`);
    }
  }

  for (const service of platformServices(tree)) {
    if (service.name === name)
      throw new Error(`${PLATFORM_SERVICES_FILE} already lists a service named ${name}.`);
    if (service.port === port)
      throw new Error(`Port ${port} is already used by ${service.name} in ${PLATFORM_SERVICES_FILE}.`);
  }

  return {
    name,
    className: serviceNames.className,
    propertyName: serviceNames.propertyName,
    constantName: serviceNames.constantName,
    port,
    database,
    topic,
    eventType: `nets.${name}.${eventName}.v1`,
    eventPropertyName: eventNames.propertyName,
    eventClassName: eventNames.className,
    entity,
    migrationClassName: entity ? `${serviceNames.className}Schema${now}` : undefined,
    migrationFileName: entity ? `${now}-${name}-schema` : undefined,
    appRoot,
    libRoot,
    skipCodegen: schema.skipCodegen ?? false,
    skipFormat: schema.skipFormat ?? false,
  };
}

/** TypeORM's DefaultNamingStrategy.primaryKeyName, so the migration matches what the entity expects. */
export function typeormPrimaryKeyName(table: string, columns: readonly string[]): string {
  const key = `${table.replace('.', '_')}_${[...columns].sort().join('_')}`;
  return `PK_${createHash('sha1').update(key).digest('hex').slice(0, 27)}`;
}

function portOf(url: string): number | undefined {
  try {
    const port = new URL(url).port;
    return port ? Number(port) : undefined;
  } catch {
    return undefined;
  }
}

export function importAlias(options: Pick<NormalizedSubgraphOptions, 'name'>, library: Library): string {
  return `@nets/${options.name}/${library}`;
}

function writeProjectFiles(tree: Tree, options: NormalizedSubgraphOptions): void {
  const files = join(__dirname, 'files');
  const substitutions = (root: string) => ({
    ...options,
    entity: options.entity ?? null,
    offset: offsetFromRoot(root),
    importAlias: (library: Library) => importAlias(options, library),
    tmpl: '',
  });
  generateFiles(tree, join(files, 'app'), options.appRoot, substitutions(options.appRoot));
  for (const library of LIBRARIES) {
    const root = `${options.libRoot}/${library}`;
    generateFiles(tree, join(files, library), root, substitutions(root));
    const entityFiles = join(files, 'entity', library);
    if (options.entity && existsSync(entityFiles)) {
      generateFiles(tree, entityFiles, root, {
        ...substitutions(root),
        entityFileName: options.entity.fileName,
        migrationFileName: options.migrationFileName,
      });
    }
  }
}

function addPathAliases(tree: Tree, options: NormalizedSubgraphOptions): void {
  updateJson(tree, ROOT_TSCONFIG_FILE, (json: { compilerOptions?: { paths?: Record<string, string[]> } }) => {
    const compilerOptions = (json.compilerOptions ??= {});
    const paths = { ...(compilerOptions.paths ?? {}) };
    for (const library of LIBRARIES) {
      const alias = importAlias(options, library);
      if (paths[alias]) throw new Error(`${ROOT_TSCONFIG_FILE} already maps ${alias}.`);
      paths[alias] = [`${options.libRoot}/${library}/src/index.ts`];
    }
    compilerOptions.paths = Object.fromEntries(
      Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    return json;
  });
}

function registerSubgraph(tree: Tree, options: NormalizedSubgraphOptions): void {
  const source = tree.read(SUBGRAPHS_FILE, 'utf-8') ?? '';
  const mappers = options.entity
    ? `{\n    ${options.entity.className}: ${quote(`${importAlias(options, 'domain')}#${options.entity.className}Record`)},\n  }`
    : '{}';
  const entry = [
    '{',
    `  name: ${quote(options.name)},`,
    `  schemaFolder: ${quote(`${options.libRoot}/feature-subgraph/src/schema`)},`,
    `  localUrl: ${quote(`http://127.0.0.1:${options.port}/graphql`)},`,
    `  contextType: ${quote(`../lib/${options.name}-context#${options.className}Context`)},`,
    `  mappers: ${mappers},`,
    '}',
  ].join('\n');
  tree.write(SUBGRAPHS_FILE, appendArrayElement(SUBGRAPHS_FILE, source, 'SUBGRAPHS', entry));
}

function registerServiceDatabase(tree: Tree, options: NormalizedSubgraphOptions): void {
  const entities = `${options.constantName}_ENTITIES`;
  const migrations = `${options.constantName}_MIGRATIONS`;
  let source = tree.read(SERVICE_DATABASES_FILE, 'utf-8') ?? '';
  source = addNamedImport(
    SERVICE_DATABASES_FILE,
    source,
    [entities, migrations],
    importAlias(options, 'data-access'),
  );
  const fields = [`service: ${quote(options.name)}`, `entities: ${entities}`, `migrations: ${migrations}`];
  const oneLine = `{ ${fields.join(', ')} }`;
  // Within the repository's print width (110) once indented, else one field per line.
  const entry = oneLine.length <= 106 ? oneLine : `{\n${fields.map((field) => `  ${field},`).join('\n')}\n}`;
  source = appendArrayElement(SERVICE_DATABASES_FILE, source, 'SERVICE_DATABASES', entry);
  tree.write(SERVICE_DATABASES_FILE, source);
}

interface PlatformService {
  name: string;
  port: number;
  database: string;
}

function platformServices(tree: Tree): PlatformService[] {
  if (!tree.exists(PLATFORM_SERVICES_FILE)) return [];
  return JSON.parse(tree.read(PLATFORM_SERVICES_FILE, 'utf-8') ?? '[]') as PlatformService[];
}

/** `npm start` creates, migrates and starts the services listed in tools/platform/services.json. */
function registerPlatformService(tree: Tree, options: NormalizedSubgraphOptions): boolean {
  if (!tree.exists(PLATFORM_SERVICES_FILE)) return false;
  const services = [
    ...platformServices(tree),
    { name: options.name, port: options.port, database: options.database },
  ];
  // Prettier's layout for this file: objects on one line; the array on one line while it fits.
  const entries = services.map((service) =>
    JSON.stringify(service)
      .replace(/^\{/, '{ ')
      .replace(/\}$/, ' }')
      .replace(/,"/g, ', "')
      .replace(/":/g, '": '),
  );
  const oneLine = `[${entries.join(', ')}]`;
  tree.write(
    PLATFORM_SERVICES_FILE,
    `${oneLine.length <= 110 ? oneLine : `[\n${entries.map((entry) => `  ${entry}`).join(',\n')}\n]`}\n`,
  );
  return true;
}

/** The AsyncAPI document lists every domain's topics (its own tool takes the public ones). */
function registerTopic(tree: Tree, options: NormalizedSubgraphOptions): boolean {
  if (!tree.exists(ASYNCAPI_TOPICS_FILE)) return false;
  const topic = `${options.propertyName}Topic`;
  let source = tree.read(ASYNCAPI_TOPICS_FILE, 'utf-8') ?? '';
  source = addNamedImport(ASYNCAPI_TOPICS_FILE, source, [topic], importAlias(options, 'contract-events'));
  source = appendArrayElement(ASYNCAPI_TOPICS_FILE, source, 'ALL_TOPICS', topic);
  tree.write(ASYNCAPI_TOPICS_FILE, source);
  return true;
}

/**
 * Lint gives each domain scope its own "own libs, shared, others' contracts" rule from a list of scope
 * names in eslint.config.mjs; the new scope joins that list so the rule covers it from the first commit.
 */
function registerLintScope(tree: Tree, options: NormalizedSubgraphOptions): boolean {
  if (!tree.exists(ESLINT_CONFIG_FILE)) return false;
  const source = tree.read(ESLINT_CONFIG_FILE, 'utf-8') ?? '';
  const list = /\[((?:\s*'[a-z0-9-]+'\s*,?)+)\](\s*\.map\(\s*\(?\s*scope\s*\)?\s*=>)/.exec(source);
  if (!list) return false;
  if (list[1].includes(`'${options.name}'`)) return true;
  const items = list[1].replace(/,?\s*$/, '');
  const start = list.index;
  const updated = `[${items}, '${options.name}']${list[2]}`;
  tree.write(ESLINT_CONFIG_FILE, source.slice(0, start) + updated + source.slice(start + list[0].length));
  return true;
}

function registerCodeOwners(tree: Tree, options: NormalizedSubgraphOptions): string | undefined {
  const file = CODEOWNERS_FILES.find((candidate) => tree.exists(candidate));
  if (!file) return undefined;
  const team = `@nets/${options.name}-team`;
  const current = tree.read(file, 'utf-8') ?? '';
  const lines = current.split('\n');
  // Owners start in one column in a hand-aligned file; new lines follow it.
  const ownerColumn = Math.max(0, ...lines.map((line) => /^(\/\S+\s+)@/.exec(line)?.[1].length ?? 0));
  const missing = [`/${options.appRoot}/`, `/${options.libRoot}/`].filter(
    (path) => !lines.some((line) => line.split(/\s+/)[0] === path),
  );
  if (missing.length === 0) return file;
  const added = missing.map((path) => `${path.padEnd(ownerColumn - 1)} ${team}\n`).join('');
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  tree.write(file, `${current}${separator}${added}`);
  return file;
}

/** Formats the files this generator created with the workspace's Prettier settings (and nothing else). */
async function formatCreatedFiles(tree: Tree, roots: readonly string[]): Promise<void> {
  let prettier: typeof import('prettier');
  try {
    prettier = await import('prettier');
  } catch {
    return;
  }
  const rootConfig = tree.exists('.prettierrc.json')
    ? (JSON.parse(tree.read('.prettierrc.json', 'utf-8') ?? '{}') as object)
    : {};
  for (const change of tree.listChanges()) {
    if (change.type !== 'CREATE' || !roots.some((root) => change.path.startsWith(`${root}/`))) continue;
    const filepath = join(tree.root, change.path);
    try {
      const info = await prettier.getFileInfo(filepath);
      if (!info.inferredParser) continue;
      const config = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? rootConfig;
      tree.write(
        change.path,
        await prettier.format(tree.read(change.path, 'utf-8') ?? '', { ...config, filepath }),
      );
    } catch (error) {
      logger.warn(
        `Left ${change.path} unformatted: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** Prometheus scrapes the new service and Grafana has its board, from services.json as just written. */
function runObservabilityScripts(tree: Tree): boolean {
  const scripts = OBSERVABILITY_SCRIPTS.filter((script) => tree.exists(script));
  try {
    for (const script of scripts)
      execFileSync(process.execPath, [script], { cwd: tree.root, stdio: 'inherit' });
    return scripts.length > 0;
  } catch {
    logger.warn(
      `Scrape targets and dashboards were not regenerated: run ${scripts.map((s) => `node ${s}`).join(' and ')}.`,
    );
    return false;
  }
}

function runCodegen(root: string): void {
  try {
    execFileSync(process.execPath, ['-r', '@swc-node/register', CODEGEN_SCRIPT], {
      cwd: root,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: 'inherit',
    });
  } catch {
    logger.warn('Resolver types were not generated (see above): fix the cause, then run `npm run codegen`.');
  }
}

export async function subgraphGenerator(
  tree: Tree,
  schema: SubgraphGeneratorSchema,
): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  const notes: string[] = [];

  writeProjectFiles(tree, options);
  addPathAliases(tree, options);
  if (tree.exists(SUBGRAPHS_FILE)) registerSubgraph(tree, options);
  else notes.push(`${SUBGRAPHS_FILE} not found: add the subgraph to the supergraph list by hand.`);
  if (tree.exists(SERVICE_DATABASES_FILE)) registerServiceDatabase(tree, options);
  else notes.push(`${SERVICE_DATABASES_FILE} not found: register the entities and migrations by hand.`);
  const registeredService = registerPlatformService(tree, options);
  if (!registeredService) {
    notes.push(`No ${PLATFORM_SERVICES_FILE}: npm start will not start ${options.name}.`);
  }
  if (!registerTopic(tree, options))
    notes.push(`No ${ASYNCAPI_TOPICS_FILE}: the topic is in no AsyncAPI document yet.`);
  if (!registerLintScope(tree, options)) {
    notes.push(
      `Add '${options.name}' to the domain scopes in ${ESLINT_CONFIG_FILE} so lint enforces its boundaries.`,
    );
  }
  const codeOwners = registerCodeOwners(tree, options);
  if (codeOwners)
    notes.push(
      `${codeOwners}: ${options.appRoot}/ and ${options.libRoot}/ belong to @nets/${options.name}-team.`,
    );

  if (!options.skipFormat) await formatCreatedFiles(tree, [options.appRoot, options.libRoot]);

  return () => {
    const codegenHere = !options.skipCodegen && tree.exists(CODEGEN_SCRIPT);
    if (codegenHere) runCodegen(tree.root);
    if (registeredService && runObservabilityScripts(tree)) {
      notes.push(
        `docker/prometheus/prometheus.yml scrapes ${options.name}:${options.port + 5000} and docker/grafana/dashboards/${options.name}.json is its board (regenerated from ${PLATFORM_SERVICES_FILE}); add its container to docker/docker-compose.yml.`,
      );
    }
    logger.info(nextSteps(options, notes, codegenHere).join('\n'));
  };
}

export function nextSteps(
  options: NormalizedSubgraphOptions,
  notes: readonly string[],
  codegenRan: boolean,
): string[] {
  return [
    '',
    `Subgraph ${options.name} generated (port ${options.port}, database ${options.database}, topic ${options.topic}).`,
    ...notes.map((note) => `  note: ${note}`),
    'Next steps:',
    codegenRan
      ? '  1. npm run codegen   (done once now; run it again after every schema change, commit __generated__)'
      : `  1. npm run codegen   (writes ${options.libRoot}/feature-subgraph/src/__generated__/resolvers-types.ts)`,
    '  2. npm run compose   (recomposes apps/gateway/supergraph.graphql with the new subgraph; commit it)',
    `  3. npx jest -c ${options.libRoot}/feature-subgraph/jest.config.js   (needs PostgreSQL and Kafka)`,
    `  4. npx nx run ${options.name}:migrate && npx nx run ${options.name}:serve`,
    `  5. Replace the ${options.propertyName}Health placeholder and the example event with the real contract.`,
  ];
}

export default subgraphGenerator;

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  NoUnusedFragmentsRule,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** Every client whose operations the gateway may accept; a new client (e.g. a mobile app) adds itself here. */
export const CLIENTS: ReadonlyArray<{ name: string; folders: string[]; generatedFolder?: string }> = [
  { name: 'docs-operations', folders: ['docs/operations'] },
  {
    name: 'survey-web',
    folders: ['apps/survey-web/src/features'],
    generatedFolder: 'apps/survey-web/src/__generated__',
  },
  {
    name: 'staff-portal',
    folders: ['apps/staff-portal/src/graph', 'apps/staff-portal/src/features'],
    generatedFolder: 'apps/staff-portal/src/__generated__',
  },
];

export interface ClientDocument {
  client: string;
  file: string;
  document: DocumentNode;
  operationNames: string[];
}

/** Apollo's persisted query manifest format, so Apollo's tooling and other gateways can read it. */
export interface TrustedDocumentsManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }>;
}

export function graphqlFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((entry) => {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) return graphqlFiles(path);
      return entry.endsWith('.graphql') ? [path] : [];
    });
}

export function clientDocuments(): ClientDocument[] {
  return CLIENTS.flatMap((client) =>
    client.folders.flatMap(graphqlFiles).map((file) => {
      const document = parse(readFileSync(file, 'utf8'));
      return {
        client: client.name,
        file,
        document,
        operationNames: operationsOf(document).map((operation) => operation.name?.value ?? ''),
      };
    }),
  );
}

const operationsOf = (document: DocumentNode): OperationDefinitionNode[] =>
  document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** The exact text a client sends for an operation: the operation, then the fragments it uses, printed. */
export function operationBody(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): string {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`Unknown fragment ${name}`);
        if (used.has(name)) return;
        used.set(name, fragment);
        collect(fragment);
      },
    });
  };
  collect(operation);
  const sorted = [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...sorted] });
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function trustedDocumentsManifest(documents: readonly ClientDocument[]): TrustedDocumentsManifest {
  const operations = new Map<string, TrustedDocumentsManifest['operations'][number]>();
  for (const client of CLIENTS) {
    const own = documents.filter((d) => d.client === client.name);
    const fragments = new Map(
      own
        .flatMap((d) => d.document.definitions)
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    for (const operation of own.flatMap((d) => operationsOf(d.document))) {
      if (!operation.name) throw new Error(`An operation of ${client.name} has no name`);
      const body = operationBody(operation, fragments);
      const id = sha256(body);
      operations.set(id, { id, name: operation.name.value, type: operation.operation, body });
    }
  }
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...operations.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    ),
  };
}

const fragmentsOf = (documents: readonly ClientDocument[]): FragmentDefinitionNode[] =>
  documents
    .flatMap((d) => d.document.definitions)
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);

/**
 * Each file's problems against the schema. A client may share fragments between its files (the staff
 * portal's result cell): a file is validated with the fragments of its client's other files, and a fragment
 * is unused only when no operation of its client spreads it.
 */
export function validationProblems(schema: GraphQLSchema, documents: readonly ClientDocument[]): string[] {
  const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
  const problems: string[] = [];
  for (const client of CLIENTS) {
    const own = documents.filter((d) => d.client === client.name);
    const fragments = fragmentsOf(own);
    const spread = new Set<string>();
    for (const { file, document } of own) {
      const defined = new Set<unknown>(document.definitions);
      const withShared: DocumentNode = {
        ...document,
        definitions: [...document.definitions, ...fragments.filter((f) => !defined.has(f))],
      };
      for (const error of validate(schema, withShared, rules)) {
        const line = error.locations?.[0]?.line;
        problems.push(`${file}${line ? `:${line}` : ''}: ${error.message}`);
      }
      visit(document, { FragmentSpread: (node) => void spread.add(node.name.value) });
    }
    for (const fragment of fragments)
      if (!spread.has(fragment.name.value))
        problems.push(`${client.name}: fragment ${fragment.name.value} is never used`);
  }
  return problems;
}

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
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

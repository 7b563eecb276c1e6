// Validates every client operation under docs/operations against the composed supergraph's API schema,
// so a schema change that would break the web or mobile clients fails CI.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, validate } from 'graphql';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import { SUBGRAPHS } from './subgraphs';

const OPERATIONS_FOLDER = 'docs/operations';

function graphqlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return graphqlFiles(path);
    return entry.endsWith('.graphql') ? [path] : [];
  });
}

function main(): void {
  const composition = composeServices(
    SUBGRAPHS.map((s) => ({ name: s.name, url: s.localUrl, typeDefs: loadSchemaFiles(s.schemaFolder) })),
  );
  if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
  const apiSchema = composition.schema.toAPISchema().toGraphQLJSSchema();
  const files = graphqlFiles(OPERATIONS_FOLDER);
  const problems: string[] = [];
  let operations = 0;
  for (const file of files) {
    const document = parse(readFileSync(file, 'utf8'));
    operations += document.definitions.length;
    for (const error of validate(apiSchema, document)) {
      const line = error.locations?.[0]?.line;
      problems.push(`${file}${line ? `:${line}` : ''}: ${error.message}`);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(
      `Client operations no longer valid against the supergraph:\n${problems.join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `${operations} client operations in ${files.length} files are valid against the supergraph.\n`,
  );
}

main();

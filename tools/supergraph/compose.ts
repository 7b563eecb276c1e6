// Composes the subgraphs' SDL files into apps/gateway/supergraph.graphql (committed). With --check,
// fails when composition fails or the committed file is stale (CI runs it that way).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from '@nets/shared/gateway';
import { loadSchemaFiles } from '@nets/shared/graphql-server';
import { SUBGRAPHS } from './subgraphs';

export const SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

export function composeFromFiles(): string {
  return composeSupergraph(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.localUrl,
      typeDefs: loadSchemaFiles(subgraph.schemaFolder),
    })),
  );
}

function main(): void {
  const supergraph = composeFromFiles();
  const current = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== supergraph) {
      process.stderr.write(`${SUPERGRAPH_FILE} is stale: run npm run compose and commit it.\n`);
      process.exit(1);
    }
    process.stdout.write(`${SUPERGRAPH_FILE} is up to date (${SUBGRAPHS.length} subgraphs).\n`);
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, supergraph);
  process.stdout.write(`wrote ${SUPERGRAPH_FILE} (${SUBGRAPHS.length} subgraphs)\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

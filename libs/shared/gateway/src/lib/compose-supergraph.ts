import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';

export interface SubgraphSource {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** Composes subgraph SDL into the supergraph the gateway serves; throws listing every composition error. */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): string {
  const result = composeServices(subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs })));
  if (result.errors && result.errors.length > 0) {
    throw new Error(
      `Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  if (!result.supergraphSdl) throw new Error('Supergraph composition produced no SDL');
  return result.supergraphSdl;
}

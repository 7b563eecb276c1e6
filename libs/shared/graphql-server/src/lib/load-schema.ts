import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** Reads every `.graphql` file of a subgraph's schema folder, in name order, into one document. */
export function loadSchemaFiles(folder: string): DocumentNode {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  if (files.length === 0) throw new Error(`No .graphql files in ${folder}`);
  return parse(files.map((file) => readFileSync(join(folder, file), 'utf8')).join('\n'));
}

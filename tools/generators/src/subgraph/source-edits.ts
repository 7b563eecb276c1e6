// Small, exact edits to the TypeScript registries a new subgraph joins (subgraphs.ts, service-databases.ts,
// …). They parse the file with the TypeScript compiler to find the spot, then splice text, so everything
// else in the file (comments, formatting, other engineers' entries) stays byte for byte as it was.
import * as ts from 'typescript';

function parse(fileName: string, source: string): ts.SourceFile {
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isParenthesizedExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The array literal a top-level `const <name> = [...]` is initialised with. */
export function findArrayLiteral(
  fileName: string,
  source: string,
  variableName: string,
): ts.ArrayLiteralExpression {
  const file = parse(fileName, source);
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (
        !ts.isIdentifier(declaration.name) ||
        declaration.name.text !== variableName ||
        !declaration.initializer
      )
        continue;
      const initializer = unwrap(declaration.initializer);
      if (ts.isArrayLiteralExpression(initializer)) return initializer;
    }
  }
  throw new Error(`${fileName}: no top-level \`const ${variableName} = [...]\` to add to.`);
}

function lineIndent(source: string, position: number): string {
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
}

function indentBlock(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? indent + line : line))
    .join('\n');
}

/**
 * Appends `element` (source text, may span lines) to the array `const <variableName> = [...]`. A multi-line
 * array gets one more entry in its own style; a one-line array stays on one line while it fits `printWidth`,
 * else it is laid out one entry per line.
 */
export function appendArrayElement(
  fileName: string,
  source: string,
  variableName: string,
  element: string,
  printWidth = 110,
): string {
  const array = findArrayLiteral(fileName, source, variableName);
  const open = array.getStart();
  const close = array.getEnd() - 1;
  const elements = array.elements;
  const baseIndent = lineIndent(source, open);
  const inner = source.slice(open + 1, close);

  if (elements.length > 0 && inner.includes('\n')) {
    const last = elements[elements.length - 1];
    const indent = lineIndent(source, elements[0].getStart());
    let rest = source.slice(last.getEnd());
    if (elements.hasTrailingComma) rest = rest.replace(/^(\s*),/, '$1');
    const trailingComma = elements.hasTrailingComma ? ',' : '';
    return `${source.slice(0, last.getEnd())},\n${indentBlock(element, indent)}${trailingComma}${rest}`;
  }

  const entries = [...elements.map((existing) => existing.getText()), element];
  const lineStart = source.lastIndexOf('\n', open - 1) + 1;
  const lineEnd = source.indexOf('\n', close) === -1 ? source.length : source.indexOf('\n', close);
  const oneLine = `[${entries.join(', ')}]`;
  if (
    !inner.includes('\n') &&
    !element.includes('\n') &&
    open - lineStart + oneLine.length + (lineEnd - close - 1) <= printWidth
  ) {
    return `${source.slice(0, open)}${oneLine}${source.slice(close + 1)}`;
  }
  const indent = `${baseIndent}  `;
  const body = entries.map((entry) => `${indentBlock(entry, indent)},\n`).join('');
  return `${source.slice(0, open)}[\n${body}${baseIndent}]${source.slice(close + 1)}`;
}

/** Adds `import { a, b } from 'module';` after the file's last import (or at the top). */
export function addNamedImport(
  fileName: string,
  source: string,
  names: readonly string[],
  moduleName: string,
): string {
  const file = parse(fileName, source);
  const line = `import { ${[...names].sort().join(', ')} } from '${moduleName}';\n`;
  const imports = file.statements.filter(ts.isImportDeclaration);
  if (imports.length === 0) return line + source;
  const end = imports[imports.length - 1].getEnd();
  const lineEnd = source.indexOf('\n', end);
  const at = lineEnd === -1 ? source.length : lineEnd + 1;
  return `${source.slice(0, at)}${lineEnd === -1 ? '\n' : ''}${line}${source.slice(at)}`;
}

/** The string values of a property (e.g. `name`) across the object literals of `const <variableName> = [...]`. */
export function arrayObjectStrings(
  fileName: string,
  source: string,
  variableName: string,
  property: string,
): string[] {
  const array = findArrayLiteral(fileName, source, variableName);
  const values: string[] = [];
  for (const element of array.elements) {
    if (!ts.isObjectLiteralExpression(element)) continue;
    for (const member of element.properties) {
      if (
        ts.isPropertyAssignment(member) &&
        (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) &&
        member.name.text === property &&
        ts.isStringLiteralLike(member.initializer)
      ) {
        values.push(member.initializer.text);
      }
    }
  }
  return values;
}

/** Quotes a string as a single-quoted TypeScript literal, the repository's style. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

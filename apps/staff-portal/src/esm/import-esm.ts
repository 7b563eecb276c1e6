/**
 * A native `import()` of an ES module. This app is compiled to CommonJS, where `import()` becomes `require()`,
 * and Node cannot `require()` a module graph with top-level await (vega has one). A function built at run
 * time keeps the real `import()` (a constant body, no input evaluated). Jest cannot run it: modules that use
 * it are kept out of unit tests.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the only way to keep a native import() under CommonJS
export const importEsm = new Function('specifier', 'return import(specifier)') as <T>(
  specifier: string,
) => Promise<T>;

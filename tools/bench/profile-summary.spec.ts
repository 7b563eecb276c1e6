import { packageOf, summariseWindow, type CpuProfile } from './profile-summary';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

/** Root, idle, graphql's parse, a library function; samples every 1,000 µs from t = 10,000. */
const profile: CpuProfile = {
  startTime: 10_000,
  endTime: 20_000,
  nodes: [
    { id: 1, callFrame: frame('(root)', '') },
    { id: 2, callFrame: frame('(idle)', '') },
    { id: 3, callFrame: frame('parse', 'file:///repo/node_modules/graphql/language/parser.js', 9) },
    { id: 4, callFrame: frame('redact', 'file:///repo/libs/response/domain-redaction/src/lib/x.ts', 4) },
  ],
  // t = 11k … 20k
  samples: [3, 3, 2, 2, 4, 4, 4, 3, 2, 2],
  timeDeltas: Array.from({ length: 10 }, () => 1000),
};

describe('packageOf', () => {
  it('names the dependency, the library, the node module or the V8 pseudo-frame', () => {
    expect(packageOf(frame('x', 'file:///r/node_modules/@apollo/server/dist/a.js'))).toBe('@apollo/server');
    expect(packageOf(frame('x', 'file:///r/node_modules/a/node_modules/pg/lib/c.js'))).toBe('pg');
    expect(packageOf(frame('x', 'file:///r/libs/shared/gateway/src/lib/s.ts'))).toBe('libs/shared/gateway');
    expect(packageOf(frame('x', 'node:internal/crypto/util'))).toBe('node:internal/crypto');
    expect(packageOf(frame('(garbage collector)', ''))).toBe('(garbage collector)');
  });
});

describe('summariseWindow', () => {
  it('shares out the busy samples of the whole profile, idle left out', () => {
    const summary = summariseWindow(profile, 5);
    expect(summary.busyPercent).toBeCloseTo(60);
    expect(summary.packages).toEqual([
      { name: 'graphql', selfPercent: 50 },
      { name: 'libs/response/domain-redaction', selfPercent: 50 },
    ]);
    expect(summary.functions[0]).toEqual({ name: 'parse (graphql:10)', selfPercent: 50 });
  });

  it('counts only the samples inside the window', () => {
    // t = 15k … 17k: the three redact samples.
    const summary = summariseWindow(profile, 5, { label: 'load', fromUs: 15_000, toUs: 17_000 });
    expect(summary.busyPercent).toBe(100);
    expect(summary.packages).toEqual([{ name: 'libs/response/domain-redaction', selfPercent: 100 }]);
  });

  it('is empty when the window holds no busy sample', () => {
    expect(summariseWindow(profile, 5, { label: 'idle', fromUs: 19_000, toUs: 20_000 })).toEqual({
      busyPercent: 0,
      packages: [],
      functions: [],
    });
  });
});

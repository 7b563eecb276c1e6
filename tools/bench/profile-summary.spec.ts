import { hottestFunctions, type CpuProfile } from './profile-summary';

const node = (id: number, functionName: string, url: string, lineNumber: number, hitCount: number) => ({
  id,
  callFrame: { functionName, url, lineNumber },
  hitCount,
});

describe('hottestFunctions', () => {
  it('ranks functions by self samples, merging the nodes of one function, as a share of all samples', () => {
    const profile: CpuProfile = {
      startTime: 0,
      endTime: 1,
      nodes: [
        node(1, '(root)', '', -1, 0),
        node(2, 'parse', 'file:///repo/node_modules/graphql/language/parser.js', 9, 30),
        node(3, 'validate', 'file:///repo/node_modules/graphql/validation/validate.js', 19, 20),
        node(4, 'parse', 'file:///repo/node_modules/graphql/language/parser.js', 9, 30),
        node(5, '', 'file:///repo/libs/shared/gateway/src/lib/x.ts', 0, 20),
      ],
    };
    expect(hottestFunctions(profile, 2)).toEqual([
      { name: 'parse', location: 'node_modules/graphql/language/parser.js:10', selfPercent: 60 },
      { name: 'validate', location: 'node_modules/graphql/validation/validate.js:20', selfPercent: 20 },
    ]);
    expect(hottestFunctions(profile, 5)[2]).toEqual({
      name: '(anonymous)',
      location: 'libs/shared/gateway/src/lib/x.ts:1',
      selfPercent: 20,
    });
  });

  it('is empty for a profile without samples', () => {
    expect(hottestFunctions({ startTime: 0, endTime: 0, nodes: [node(1, '(root)', '', -1, 0)] }, 3)).toEqual(
      [],
    );
  });
});

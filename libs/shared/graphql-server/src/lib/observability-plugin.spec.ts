import { ApolloServer } from '@apollo/server';
import { metricsRegistry } from '@nets/shared/observability';
import { observabilityPlugin } from './observability-plugin';

describe('observabilityPlugin', () => {
  it('counts operations by name, errors by code and each root mutation field by outcome', async () => {
    const server = new ApolloServer({
      typeDefs: `type Query { ok: Boolean } type Mutation { submit(fail: Boolean): Boolean }`,
      resolvers: {
        Mutation: {
          submit: (_: unknown, args: { fail?: boolean }) => {
            if (args.fail) throw Object.assign(new Error('no'), { extensions: { code: 'BAD_USER_INPUT' } });
            return true;
          },
        },
      },
      plugins: [observabilityPlugin()],
    });
    await server.start();
    await server.executeOperation({ query: 'mutation Submit__response__0 { submit }' });
    await server.executeOperation({ query: 'mutation Submit__response__1 { submit(fail: true) }' });
    await server.stop();
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/nets_graphql_mutations_total\{field="submit",outcome="ok",code=""\} 1/);
    expect(text).toMatch(/nets_graphql_mutations_total\{field="submit",outcome="refused",code="[A-Z_]+"\} 1/);
    expect(text).toMatch(
      /nets_graphql_operation_duration_seconds_count\{operation="Submit",type="mutation",outcome="ok"\} 1/,
    );
  });
});

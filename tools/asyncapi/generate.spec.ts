import { parse } from 'yaml';
import { ALL_TOPICS } from './topics';
import { buildAsyncApiDocument, renderAsyncApi } from './generate';

describe('AsyncAPI document', () => {
  const document = buildAsyncApiDocument(ALL_TOPICS) as { channels: Record<string, { address: string }> };
  const addresses = Object.values(document.channels).map((channel) => channel.address);

  it('documents every public topic', () => {
    for (const topic of ALL_TOPICS.filter((t) => t.visibility === 'public'))
      expect(addresses).toContain(topic.name);
  });

  it('never lists a restricted topic', () => {
    const restricted = ALL_TOPICS.filter((t) => t.visibility === 'restricted').map((t) => t.name);
    expect(restricted).toEqual(expect.arrayContaining(['nets.responses.v1', 'nets.serious-concerns.v1']));
    for (const name of restricted) {
      expect(addresses).not.toContain(name);
      expect(renderAsyncApi()).not.toContain(name);
    }
  });

  it('is valid YAML declaring AsyncAPI 3', () => {
    expect(parse(renderAsyncApi())).toMatchObject({ asyncapi: '3.0.0' });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT } from '@nets/shared/testing';

interface AsyncApiMessage {
  name: string;
  headers: object;
  payload: object;
}

interface AsyncApiDocument {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, AsyncApiMessage> };
}

/** What an outside consumer knows: the published AsyncAPI document, nothing from our code. */
export interface PublicContract {
  /** Documented topic names (without any deployment prefix). */
  topics: string[];
  /** Documented message types (CloudEvents `type`), on every topic. */
  types: string[];
  /** Problems with one message read from `topic`; empty when it honours the contract. */
  check(topic: string, value: unknown, headers: Record<string, string>): string[];
}

export function loadPublicContract(path = join(REPO_ROOT, 'docs/asyncapi.yaml')): PublicContract {
  const document = parse(readFileSync(path, 'utf8')) as AsyncApiDocument;
  const ajv = new Ajv({ allErrors: true });
  const byTopic = new Map<
    string,
    Map<string, { payload: Ajv.ValidateFunction; headers: Ajv.ValidateFunction }>
  >();
  for (const channel of Object.values(document.channels)) {
    const types = new Map<string, { payload: Ajv.ValidateFunction; headers: Ajv.ValidateFunction }>();
    for (const { $ref } of Object.values(channel.messages)) {
      const message = document.components.messages[$ref.split('/').pop() ?? ''];
      if (!message) throw new Error(`asyncapi.yaml: ${$ref} does not resolve`);
      types.set(message.name, {
        payload: ajv.compile(message.payload),
        headers: ajv.compile(message.headers),
      });
    }
    byTopic.set(channel.address, types);
  }
  const describe = (errors: Ajv.ErrorObject[] | null | undefined) =>
    (errors ?? []).map((error) => `${error.dataPath || '/'} ${error.message ?? ''}`).join('; ');
  return {
    topics: [...byTopic.keys()],
    types: [...byTopic.values()].flatMap((types) => [...types.keys()]),
    check(topic, value, headers) {
      const types = byTopic.get(topic);
      if (!types) return [`${topic} is not documented`];
      const type = (value as { type?: unknown } | null)?.type;
      const validators = typeof type === 'string' ? types.get(type) : undefined;
      if (!validators) return [`type ${String(type)} is not documented on ${topic}`];
      const problems: string[] = [];
      if (!validators.payload(value)) problems.push(`payload: ${describe(validators.payload.errors)}`);
      if (!validators.headers(headers)) problems.push(`headers: ${describe(validators.headers.errors)}`);
      return problems;
    },
  };
}

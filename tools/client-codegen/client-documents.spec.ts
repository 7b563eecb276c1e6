import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { clientDocuments, operationBody, sha256, trustedDocumentsManifest } from './client-documents';

describe('client documents', () => {
  it('gives each operation one body: itself, then the fragments it uses (transitively), by name', () => {
    const document = parse(`
      query Q { concern(id: "1") { ...B ...A } }
      fragment A on Concern { id ...C }
      fragment B on Concern { status }
      fragment C on Concern { reference }
      fragment Unused on Concern { region }
    `);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((f) => [f.name.value, f]),
    );
    const body = operationBody(operation, fragments);
    expect(body.split('\n').filter((line) => line.startsWith('fragment'))).toEqual([
      'fragment A on Concern {',
      'fragment B on Concern {',
      'fragment C on Concern {',
    ]);
    expect(body).not.toContain('Unused');
  });

  it('registers every named client operation of the web app and docs/operations under the sha256 of its body', () => {
    const manifest = trustedDocumentsManifest(clientDocuments());
    for (const operation of manifest.operations) expect(operation.id).toBe(sha256(operation.body));
    const names = manifest.operations.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['SurveyWebSubmit', 'SurveyWebSaveDraft', 'OrganisationPicker', 'Concern']),
    );
  });

  it('holds each operation once: no two registered operations differ only by their name', () => {
    const manifest = trustedDocumentsManifest(clientDocuments());
    const unnamed = manifest.operations.map((o) =>
      o.body.replace(/^(query|mutation|subscription) \w+/, '$1'),
    );
    expect(new Set(unnamed).size).toBe(unnamed.length);
  });
});

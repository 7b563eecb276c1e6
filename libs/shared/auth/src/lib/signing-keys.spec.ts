import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentSigningKey, loadOrCreateSigningKeys, readSigningKeys } from './signing-keys';

describe('signing keys file', () => {
  it('is created once with a private RS256 key readable only by its owner, and read back unchanged', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nets-keys-')), 'nested', 'signing-keys.json');
    const created = await loadOrCreateSigningKeys(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(currentSigningKey(created)).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(currentSigningKey(created).d).toEqual(expect.any(String));
    await expect(loadOrCreateSigningKeys(path)).resolves.toEqual(created);
    expect(readSigningKeys(path)).toEqual(created);
  });

  it('names the missing file and how to make it', () => {
    expect(() => readSigningKeys('/nonexistent/keys.json')).toThrow(/start the identity provider once/);
  });
});

import { fingerprint, newFollowUpCode, newReceiptCode, newResumeToken, sha256Hex } from './codes.rules';

describe('codes', () => {
  it('makes random receipt and follow-up codes that do not repeat', () => {
    const receipts = new Set(Array.from({ length: 1000 }, newReceiptCode));
    expect(receipts.size).toBe(1000);
    expect(newReceiptCode()).toMatch(/^R-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(newFollowUpCode()).toMatch(/^SC-/);
  });

  it('makes 256-bit resume tokens and hashes them', () => {
    expect(Buffer.from(newResumeToken(), 'base64url')).toHaveLength(32);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('fingerprints requests independently of key order and absent fields', () => {
    expect(fingerprint({ a: 1, b: [1, { c: 2, d: null }] })).toBe(fingerprint({ b: [1, { c: 2 }], a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });

  it('keeps the fingerprints stored before: the same hash as the first implementation', () => {
    // Hash of the first implementation (entries sorted by localeCompare, arrays by map/join) on this input.
    const input = {
      questionnaireId: 'q-1',
      profile: { profession: 'P', learnerGroup: 'NURSING', programme: null, Zeta: 1, alpha: 'é' },
      placement: { siteId: undefined, organisationId: 'o', startDate: '2025-01-01' },
      answers: [
        { questionCode: 'A1', optionCodes: ['x', 'y'] },
        { text: 'Hello "world"\n', questionCode: 'C1' },
        null,
        undefined,
        3,
        true,
      ],
      submittedOn: undefined,
    };
    for (let round = 0; round < 2; round += 1) {
      expect(fingerprint(input)).toBe('c201bb7df5212fae5ef31dc64c8cb0862213aab47f240eb01aea9b7555a4e67c');
    }
  });
});

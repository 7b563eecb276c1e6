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
});

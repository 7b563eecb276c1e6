import { findEmails } from './email.rule';

const found = (text: string): string[] => findEmails(text).map((c) => text.slice(c.start, c.end));

describe('findEmails', () => {
  it('finds addresses with dots, digits, plus signs and sub-domains', () => {
    expect(
      found('Mail jess.taylor94@gmail.com, s.ahmed@nhs.net or tnA_feedback+2024@student.northvale.ac.uk.'),
    ).toEqual(['jess.taylor94@gmail.com', 's.ahmed@nhs.net', 'tnA_feedback+2024@student.northvale.ac.uk']);
  });

  it('ignores an @ that is not an address', () => {
    expect(found('meet @ 9am on the ward')).toEqual([]);
  });
});

import { createRedactor } from './redactor';

const redactor = createRedactor({
  organisations: ['Northvale Teaching Hospitals NHS Foundation Trust', 'Riverbank Medical Practice'],
  sites: ['Northvale General Hospital', "St Aidan's Hospital"],
});
const redacted = (text: string): string => redactor.redact(text).text;

describe('createRedactor', () => {
  describe('names', () => {
    it.each([
      ['Dr Patel took me to clinic.', 'Dr [NAME] took me to clinic.'],
      ['dr jones let me cannulate', 'dr [NAME] let me cannulate'],
      ['Dr. Reuben Ashworth teaches well', 'Dr. [NAME] teaches well'],
      ['Sister Ward was fair and firm.', 'Sister [NAME] was fair and firm.'],
      ['Mr Clarke-Whitfield was rude.', 'Mr [NAME] was rude.'],
      ['Staff Nurse Chipo Moyo was great.', 'Staff Nurse [NAME] was great.'],
      ['I would like to thank Emma Louise Barker.', 'I would like to thank [NAME].'],
      ["Mohammed's teaching was superb.", "[NAME]'s teaching was superb."],
      ['My mentor mark kept forgetting.', 'My mentor [NAME] kept forgetting.'],
      ['The SHO, Callum, explained ECGs.', 'The SHO, [NAME], explained ECGs.'],
      ['Bill the porter showed me around.', '[NAME] the porter showed me around.'],
      ['Grace and Will (both band 6) were amazing.', '[NAME] and [NAME] (both band 6) were amazing.'],
      ['Thanks to Becky, Hannah and Femi.', 'Thanks to [NAME], [NAME] and [NAME].'],
      ["I'm Jess, a second year.", "I'm [NAME], a second year."],
    ])('%s', (text, expected) => {
      expect(redacted(text)).toBe(expected);
    });

    it('leaves names that are ordinary words alone when they are used as words', () => {
      for (const text of [
        'I hope the Trust looks at staffing.',
        'The bill for parking was £200.',
        'Will the university sort out expenses?',
        'Please mark this as urgent.',
        'There was no grace period for timesheets.',
        'Demand rose sharply over winter.',
      ]) {
        expect(redacted(text)).toBe(text);
      }
    });

    it('leaves the capitalised words of the NHS alone', () => {
      const text =
        'Monday on the Ward: the Trust, the Foundation Trust, Theatre, NHS, A&E, ITU, Band 5, COVID, MDT, Datix, the Acute Medical Unit and the Freedom to Speak Up Guardian.';
      expect(redactor.redact(text)).toMatchObject({ text, spans: [] });
    });
  });

  describe('places and organisations', () => {
    it('removes registry names, their short forms and name-shaped places', () => {
      expect(redacted('At northvale general hospital, then St Aidan’s, then Ward 14 in Leeds.')).toBe(
        'At [PLACE], then [PLACE], then [PLACE] in [PLACE].',
      );
      expect(
        redacted('Riverbank Medical Practice is part of Northvale Teaching Hospitals NHS Foundation Trust.'),
      ).toBe('[ORGANISATION] is part of [ORGANISATION].');
    });

    it('removes coded wards, short hospital names, trusts of places joined by and, and department locations', () => {
      expect(
        redacted(
          'On Ward 7B at Barnsley General, then AMU 2 at the Royal Berkshire, then Kettering DGH for Mid Yorkshire and Wakefield, and the 3rd floor cardiology team at St Elsewhere’s.',
        ),
      ).toBe(
        'On [PLACE] at [PLACE], then [PLACE] at the [PLACE], then [PLACE] for [PLACE], and the [PLACE] team at [PLACE].',
      );
      expect(redacted('Surrey and Sussex Healthcare NHS Trust, level 5 oncology.')).toBe(
        '[ORGANISATION], [PLACE].',
      );
    });

    it('leaves generic places, grades and years alone', () => {
      for (const text of [
        'The general ward was busy; theatres, A&E and the GP practice were fine.',
        'A royal pain, as a level 3 apprentice on band 5 in year 2.',
        'The 4th floor was cold and the ward was short of staff.',
      ]) {
        expect(redacted(text)).toBe(text);
      }
    });

    it('leaves countries alone', () => {
      expect(redacted('The best placement in England.')).toBe('The best placement in England.');
    });
  });

  describe('identifiers', () => {
    it('replaces each identifier by its placeholder', () => {
      expect(
        redacted(
          'Email a.b@nhs.net or ring 07700 900123; NHS 943 476 5919; LS6 1AF; GMC 7123456; PIN 12A3456E; HCPC PH123456; born 14/02/2001.',
        ),
      ).toBe(
        'Email [EMAIL] or ring [PHONE]; NHS [NHS_NUMBER]; [POSTCODE]; GMC [REGISTRATION_NUMBER]; PIN [REGISTRATION_NUMBER]; HCPC [REGISTRATION_NUMBER]; born [DATE_OF_BIRTH].',
      );
    });
  });

  describe('spans', () => {
    it('reports merged spans on the original text, in order, with the layers that found them', () => {
      const text = 'Dr Sarah Whitfield at Northvale General Hospital';
      const result = redactor.redact(text);
      expect(result.spans.map((span) => [text.slice(span.start, span.end), span.type])).toEqual([
        ['Sarah Whitfield', 'NAME'],
        ['Northvale General Hospital', 'PLACE'],
      ]);
      expect(result.spans[1].source).toMatch(/^registry\+/);
      expect(result.spans.every((span, i) => i === 0 || span.start >= result.spans[i - 1].end)).toBe(true);
    });

    it('replaces the whole of overlapping spans with one placeholder', () => {
      expect(redacted('Contact sarah.jones@nhs.net today')).toBe('Contact [EMAIL] today');
    });

    it('handles empty and identifier-only text', () => {
      expect(redactor.redact('')).toEqual({ text: '', spans: [], needsReview: false, reviewReasons: [] });
      expect(redacted('07700 900123')).toBe('[PHONE]');
    });
  });

  describe('review flag', () => {
    it('is off for a comment the redactor is sure about', () => {
      expect(redactor.redact('Dr Patel on Ward 14 was brilliant.')).toMatchObject({
        needsReview: false,
        reviewReasons: [],
      });
      expect(redactor.redact('Good placement. Would recommend.').needsReview).toBe(false);
    });

    it('is on for a capitalised word nothing could place, which is still removed', () => {
      const result = redactor.redact('The community team in Todmorden was friendly.');
      expect(result.text).toBe('The community team in [PLACE] was friendly.');
      expect(result.needsReview).toBe(true);
      expect(result.reviewReasons).toEqual([expect.stringMatching(/^uncertain PLACE at 22-31/)]);
    });

    it('is on for a long digit run that no rule recognised, which is left in', () => {
      const result = redactor.redact('My Datix reference was 202401234.');
      expect(result.text).toBe('My Datix reference was 202401234.');
      expect(result.reviewReasons).toEqual(['unrecognised run of 9 digits at 23-32']);
    });

    it('is on for an NHS number that fails its check', () => {
      const result = redactor.redact('NHS no. 485 777 3456 was wrong.');
      expect(result.text).toBe('NHS no. [NHS_NUMBER] was wrong.');
      expect(result.reviewReasons).toEqual(['an NHS number that fails the modulus-11 check']);
    });

    it('is on for a spelled-out email address', () => {
      expect(redactor.redact('write to sarah dot jones at nhs dot net').needsReview).toBe(true);
    });
  });
});

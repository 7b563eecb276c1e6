import { formFromDetails, readDetailsForm, validateContact, validateDetails } from './placement.rules';

const details = (body: Record<string, string>) => validateDetails(readDetailsForm(body));

describe('placement details', () => {
  it('keeps what is given and leaves out what is not: every field is optional', () => {
    expect(details({})).toEqual({ value: { startDate: undefined, endDate: undefined }, errors: [] });
    const full = details({
      programme: 'BSc (Hons) Adult Nursing',
      yearOfTraining: '2',
      specialty: 'Acute medicine',
      'startDate[day]': '1',
      'startDate[month]': '9',
      'startDate[year]': '2025',
      'endDate[day]': '12',
      'endDate[month]': '12',
      'endDate[year]': '2025',
    });
    expect(full).toEqual({
      value: {
        programme: 'BSc (Hons) Adult Nursing',
        yearOfTraining: 2,
        specialty: 'Acute medicine',
        startDate: '2025-09-01',
        endDate: '2025-12-12',
      },
      errors: [],
    });
    expect(formFromDetails(full.value)).toMatchObject({ start: { day: '1', month: '9', year: '2025' } });
  });

  it('says what is wrong with each field, linked to it', () => {
    expect(
      details({
        programme: 'Nursing; DROP',
        yearOfTraining: '0',
        'startDate[day]': '30',
        'startDate[month]': '2',
        'startDate[year]': '2025',
        'endDate[year]': '2025',
      }).errors,
    ).toEqual([
      {
        field: 'programme',
        message:
          "Course title must be 100 characters or fewer, using only letters, numbers, spaces and . , & ( ) / ' -",
      },
      { field: 'yearOfTraining', message: 'Year of training must be a whole number from 1 to 10' },
      { field: 'startDate-day', message: 'Start date must be a real date, for example 27 3 2025' },
      { field: 'endDate-day', message: 'End date must include a day, month and year' },
    ]);
    expect(
      details({
        'startDate[day]': '2',
        'startDate[month]': '3',
        'startDate[year]': '2025',
        'endDate[day]': '1',
        'endDate[month]': '3',
        'endDate[year]': '2025',
      }).errors,
    ).toEqual([{ field: 'endDate-day', message: 'End date must be the same as or after the start date' }]);
  });
});

describe('serious-concern contact details', () => {
  it('takes none when the learner chooses not to share them', () => {
    expect(validateContact({ shareContact: 'no', contactEmail: 'ignored' })).toEqual({
      value: null,
      errors: [],
    });
  });

  it('needs at least one valid way to get in touch when the learner shares them', () => {
    expect(validateContact({ shareContact: 'yes' }).errors).toEqual([
      {
        field: 'contactName',
        message: 'Enter your name, email address or phone number, or choose not to share them',
      },
    ]);
    expect(validateContact({ shareContact: 'yes', contactEmail: 'nope', contactPhone: '12' }).errors).toEqual(
      [
        {
          field: 'contactEmail',
          message: 'Enter an email address in the correct format, like name@example.com',
        },
        { field: 'contactPhone', message: 'Enter a phone number, like 01632 960 001 or 07700 900 982' },
      ],
    );
    expect(validateContact({ shareContact: 'yes', contactEmail: 'a@b.nhs.uk' })).toEqual({
      value: { email: 'a@b.nhs.uk' },
      errors: [],
    });
  });
});

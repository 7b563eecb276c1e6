import type { FieldError } from '../questionnaire/questionnaire.rules';

/** The graph's own limits (response service), checked here first so the learner sees them on the page. */
const PROGRAMME = /^[\p{L}\p{N} .,&()'/-]{1,100}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
export const MAX_SHORT_TEXT = 200;

export type FormBody = Record<string, string | string[] | undefined>;

export const text = (body: FormBody, name: string): string => {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

export interface DayParts {
  day: string;
  month: string;
  year: string;
}

export interface PlacementDetails {
  programme?: string;
  yearOfTraining?: number;
  specialty?: string;
  startDate?: string;
  endDate?: string;
}

export interface PlacementDetailsForm {
  programme: string;
  yearOfTraining: string;
  specialty: string;
  start: DayParts;
  end: DayParts;
}

export function readDetailsForm(body: FormBody): PlacementDetailsForm {
  const parts = (prefix: string): DayParts => ({
    day: text(body, `${prefix}[day]`),
    month: text(body, `${prefix}[month]`),
    year: text(body, `${prefix}[year]`),
  });
  return {
    programme: text(body, 'programme'),
    yearOfTraining: text(body, 'yearOfTraining'),
    specialty: text(body, 'specialty'),
    start: parts('startDate'),
    end: parts('endDate'),
  };
}

export function formFromDetails(details: PlacementDetails): PlacementDetailsForm {
  const parts = (iso?: string): DayParts => {
    if (!iso) return { day: '', month: '', year: '' };
    const [year, month, day] = iso.split('-');
    return { day: String(Number(day)), month: String(Number(month)), year };
  };
  return {
    programme: details.programme ?? '',
    yearOfTraining: details.yearOfTraining ? String(details.yearOfTraining) : '',
    specialty: details.specialty ?? '',
    start: parts(details.startDate),
    end: parts(details.endDate),
  };
}

/** A day from the date input's parts: undefined when all are empty, an error message when not a real date. */
function toIsoDay(parts: DayParts, label: string): { iso?: string; error?: string } {
  const { day, month, year } = parts;
  if (!day && !month && !year) return {};
  if (!day || !month || !year) return { error: `${label} must include a day, month and year` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { error: `${label} must be a real date, for example 27 3 2025` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso)
    return { error: `${label} must be a real date, for example 27 3 2025` };
  return { iso };
}

export function validateDetails(form: PlacementDetailsForm): {
  value: PlacementDetails;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const value: PlacementDetails = {};
  if (form.programme) {
    if (PROGRAMME.test(form.programme)) value.programme = form.programme;
    else
      errors.push({
        field: 'programme',
        message:
          "Course title must be 100 characters or fewer, using only letters, numbers, spaces and . , & ( ) / ' -",
      });
  }
  if (form.yearOfTraining) {
    const year = Number(form.yearOfTraining);
    if (Number.isInteger(year) && year >= 1 && year <= 10) value.yearOfTraining = year;
    else
      errors.push({
        field: 'yearOfTraining',
        message: 'Year of training must be a whole number from 1 to 10',
      });
  }
  if (form.specialty) {
    if (form.specialty.length <= MAX_SHORT_TEXT) value.specialty = form.specialty;
    else
      errors.push({ field: 'specialty', message: `Specialty must be ${MAX_SHORT_TEXT} characters or fewer` });
  }
  const start = toIsoDay(form.start, 'Start date');
  const end = toIsoDay(form.end, 'End date');
  if (start.error) errors.push({ field: 'startDate-day', message: start.error });
  else value.startDate = start.iso;
  if (end.error) errors.push({ field: 'endDate-day', message: end.error });
  else value.endDate = end.iso;
  if (value.startDate && value.endDate && value.endDate < value.startDate)
    errors.push({ field: 'endDate-day', message: 'End date must be the same as or after the start date' });
  return { value, errors };
}

export interface ContactDetails {
  name?: string;
  email?: string;
  phone?: string;
}

export function validateContact(body: FormBody): { value: ContactDetails | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (text(body, 'shareContact') !== 'yes') return { value: null, errors };
  const name = text(body, 'contactName');
  const email = text(body, 'contactEmail');
  const phone = text(body, 'contactPhone');
  if (name.length > MAX_SHORT_TEXT)
    errors.push({ field: 'contactName', message: `Name must be ${MAX_SHORT_TEXT} characters or fewer` });
  if (email && !EMAIL.test(email))
    errors.push({
      field: 'contactEmail',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  if (phone && !PHONE.test(phone))
    errors.push({
      field: 'contactPhone',
      message: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
    });
  if (!name && !email && !phone)
    errors.push({
      field: 'contactName',
      message: 'Enter your name, email address or phone number, or choose not to share them',
    });
  return {
    value: { ...(name && { name }), ...(email && { email }), ...(phone && { phone }) },
    errors,
  };
}

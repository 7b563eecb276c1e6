/** Adds working days (Monday to Friday, skipping the given bank holidays, as `YYYY-MM-DD` in UTC). */
export function addWorkingDays(from: Date, days: number, bankHolidays: readonly string[] = []): Date {
  const holidays = new Set(bankHolidays);
  const result = new Date(from.getTime());
  let remaining = days;
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(result.toISOString().slice(0, 10))) remaining -= 1;
  }
  return result;
}

/** An immediate mandatory requirement is due in 5 working days unless the quality team says otherwise. */
export const IMMEDIATE_MANDATORY_REQUIREMENT_WORKING_DAYS = 5;

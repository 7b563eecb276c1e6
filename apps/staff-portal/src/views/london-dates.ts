const LONDON = 'Europe/London';

/** A date as staff read it in England: "7 December 2026". */
export const dayOf = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: LONDON,
  });

/** A moment as staff read it in England: "7 December 2026 at 14:05". */
export const dateTimeOf = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: LONDON,
  });

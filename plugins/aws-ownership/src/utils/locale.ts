import { DateTime } from 'luxon';

/** A number in the reader's locale, one decimal at most. */
export function localNumber(value: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A change in the reader's locale with its sign (`+6.2`, `−1`, `0`). */
export function localChange(value: number): string {
  return new Intl.NumberFormat(undefined, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** A date and time in the reader's locale, from ISO 8601. */
export function localDateTime(iso: string): string {
  const date = DateTime.fromISO(iso);
  return date.isValid ? date.toLocaleString(DateTime.DATETIME_MED) : iso;
}

/** A calendar date in the reader's locale, from YYYY-MM-DD. */
export function localDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate);
  return date.isValid ? date.toLocaleString(DateTime.DATE_MED) : isoDate;
}

import { DateTime } from 'luxon';

/** `3 hours ago`, from an ISO 8601 timestamp; `never` when absent. */
export function relativeTime(iso?: string): string {
  if (!iso) return 'never';
  const date = DateTime.fromISO(iso);
  return date.isValid ? date.toRelative() ?? iso : iso;
}

/** A full local date and time, from an ISO 8601 timestamp. */
export function absoluteTime(iso?: string): string {
  if (!iso) return '';
  const date = DateTime.fromISO(iso);
  return date.isValid ? date.toLocaleString(DateTime.DATETIME_MED) : iso;
}

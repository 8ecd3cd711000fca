import { ResponseError } from '@backstage/errors';

/** Whether an error is the API's 404 (no such scorecard or resource). */
export function isNotFound(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 404;
}

/** Whether an error is the API's 404 (no such scorecard or resource). */
export function isNotFound(error: unknown): boolean {
  const e = error as { statusCode?: number; name?: string } | undefined;
  return e?.statusCode === 404 || e?.name === 'NotFoundError';
}

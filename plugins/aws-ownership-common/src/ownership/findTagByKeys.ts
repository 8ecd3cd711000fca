/**
 * The first of `keys` present on `tags` with a non-blank value, matched
 * case-insensitively (the spec's owner and component tag lookup).
 *
 * @public
 */
export function findTagByKeys(
  tags: Readonly<Record<string, string>> | undefined,
  keys: ReadonlyArray<string>,
): { key: string; value: string } | undefined {
  if (!tags) return undefined;
  const byLower = new Map<string, string>();
  for (const key of Object.keys(tags)) {
    const lower = key.toLowerCase();
    if (key === lower || !byLower.has(lower)) byLower.set(lower, key);
  }
  for (const wanted of keys) {
    const actual = byLower.get(wanted.toLowerCase());
    if (actual === undefined) continue;
    const value = tags[actual];
    if (typeof value === 'string' && value.trim() !== '') {
      return { key: actual, value: value.trim() };
    }
  }
  return undefined;
}

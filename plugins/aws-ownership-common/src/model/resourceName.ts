import { nameFromId } from './nameFromId';

/** Case-insensitive lookup of the `Name` tag's value, if non-blank. */
export function nameTagValue(
  tags: Readonly<Record<string, string>> | undefined,
): string | undefined {
  if (!tags) return undefined;
  const exact = tags.Name;
  if (typeof exact === 'string' && exact.trim() !== '') return exact.trim();
  for (const key in tags) {
    if (key.length === 4 && key.toLowerCase() === 'name') {
      const value = tags[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
  }
  return undefined;
}

/**
 * The resource's name: the `Name` tag if present and non-blank, otherwise the
 * human part of its id (bucket, queue, function, load balancer name, or the
 * last path segment).
 *
 * @public
 */
export function resourceName(resource: {
  resourceType: string;
  resourceId: string;
  tags?: Readonly<Record<string, string>>;
}): string {
  return (
    nameTagValue(resource.tags) ??
    nameFromId(resource.resourceType, resource.resourceId)
  );
}

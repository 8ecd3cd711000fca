import type { RatedResource } from '../schema/types';
import type { AwsOwnershipStore, ResourceFilter } from '../database/types';

/** Every current resource, through the store's cursor pagination. */
export async function readAllResources(
  store: AwsOwnershipStore,
  filter?: ResourceFilter,
): Promise<RatedResource[]> {
  const all: RatedResource[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listResources({ filter, cursor, limit: 500 });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

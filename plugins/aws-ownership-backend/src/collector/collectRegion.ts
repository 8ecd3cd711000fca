import {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
  ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';

/** What one region's collection reports when it ends. */
export interface RegionCollection {
  /** GetResources pages read (restarts included). */
  pages: number;
  /** Resource mappings handed to `onPage` (duplicates across restarts included). */
  resources: number;
  /** How often the listing restarted after an expired pagination token. */
  restarts: number;
}

/** What collecting one account and region needs. */
export interface CollectRegionOptions {
  client: ResourceGroupsTaggingAPIClient;
  includeComplianceDetails: boolean;
  /** Handles one page; collection waits for it (backpressure into the writes). */
  onPage(items: ResourceTagMapping[]): Promise<void>;
  signal?: AbortSignal;
  /** Restarts allowed after `PaginationTokenExpiredException`. */
  maxRestarts?: number;
}

const isTokenExpired = (error: unknown) =>
  (error as { name?: string })?.name === 'PaginationTokenExpiredException';

/**
 * Reads every tagged resource of one account and region with the SDK's
 * paginator, 100 a page. A listing whose pagination token expired (15 minutes
 * on AWS) starts over; the store ignores what the scan already wrote.
 */
export async function collectRegion(
  options: CollectRegionOptions,
): Promise<RegionCollection> {
  const { client, onPage, signal } = options;
  const maxRestarts = options.maxRestarts ?? 3;
  const outcome: RegionCollection = { pages: 0, resources: 0, restarts: 0 };
  for (;;) {
    try {
      const pages = paginateGetResources(
        { client, pageSize: 100 },
        {
          ResourcesPerPage: 100,
          ...(options.includeComplianceDetails
            ? { IncludeComplianceDetails: true }
            : {}),
        },
      );
      for await (const page of pages) {
        signal?.throwIfAborted();
        const items = page.ResourceTagMappingList ?? [];
        outcome.pages++;
        outcome.resources += items.length;
        await onPage(items);
      }
      return outcome;
    } catch (error) {
      if (!isTokenExpired(error) || outcome.restarts >= maxRestarts) {
        throw error;
      }
      outcome.restarts++;
    }
  }
}

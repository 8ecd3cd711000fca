import {
  GetResourcesCommandOutput,
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
  ResourceGroupsTaggingAPIClientConfig,
} from '@aws-sdk/client-resource-groups-tagging-api';
import type { GetResourcesCommandInput } from '@aws-sdk/client-resource-groups-tagging-api';

/** Dummy static credentials: any key that AssumeRole did not issue acts in the main account. */
export const DUMMY_CREDENTIALS = {
  accessKeyId: 'AKIAEMULATORTEST0001',
  secretAccessKey: 'dummy',
};

/** A real SDK v3 Tagging API client pointed at the emulator. */
export function taggingClient(
  url: string,
  region = 'us-east-1',
  config: Partial<ResourceGroupsTaggingAPIClientConfig> = {},
): ResourceGroupsTaggingAPIClient {
  return new ResourceGroupsTaggingAPIClient({
    endpoint: url,
    region,
    credentials: DUMMY_CREDENTIALS,
    ...config,
  });
}

/** Every page of a GetResources listing through the SDK's paginator. */
export async function allPages(
  client: ResourceGroupsTaggingAPIClient,
  input: GetResourcesCommandInput = {},
  pageSize?: number,
): Promise<GetResourcesCommandOutput[]> {
  const pages: GetResourcesCommandOutput[] = [];
  for await (const page of paginateGetResources({ client, pageSize }, input)) {
    pages.push(page);
  }
  return pages;
}

/** The ARNs of every page, in order. */
export function arnsOf(pages: GetResourcesCommandOutput[]): string[] {
  return pages.flatMap(p =>
    (p.ResourceTagMappingList ?? []).map(r => r.ResourceARN!),
  );
}

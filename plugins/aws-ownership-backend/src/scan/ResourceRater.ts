import type { ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import {
  buildResource,
  Check,
  ChecklistConfig,
  classifyResourceType,
  consoleUrl,
  evaluateResource,
  OwnershipResolver,
} from '@aws-ownership/backstage-plugin-common';
import type { RatedResource } from '../schema/types';

/**
 * Turns one GetResources entry into a rated resource: the common package
 * builds the resource, resolves its owner and rates it; nothing here decides
 * a rule. Throws `InvalidArnError` for an entry whose ARN is malformed.
 */
export class ResourceRater {
  constructor(
    private readonly resolver: OwnershipResolver,
    private readonly config: ChecklistConfig,
    private readonly extraChecks: ReadonlyArray<Check>,
  ) {}

  rate(mapping: ResourceTagMapping, sourceRegion: string): RatedResource {
    const details = mapping.ComplianceDetails;
    const resource = buildResource({
      arn: mapping.ResourceARN ?? '',
      tags: mapping.Tags ?? [],
      sourceRegion,
      compliance: details
        ? {
            compliant: details.ComplianceStatus ?? true,
            noncompliantKeys: details.NoncompliantKeys ?? [],
            keysWithNoncompliantValues:
              details.KeysWithNoncompliantValues ?? [],
          }
        : undefined,
    });
    const ownership = this.resolver.resolve(resource.tags);
    const rated: RatedResource = {
      resource,
      category: classifyResourceType(
        resource.resourceType,
        this.config.classification.overrides,
      ),
      ownership,
      rating: evaluateResource(
        resource,
        ownership,
        this.config,
        this.extraChecks,
      ),
    };
    const link = consoleUrl(resource);
    if (link) rated.consoleUrl = link;
    return rated;
  }
}

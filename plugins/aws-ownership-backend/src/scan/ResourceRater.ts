import type { ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import {
  applyExemptions,
  buildResource,
  Check,
  ChecklistConfig,
  classifyResourceType,
  consoleUrl,
  evaluateResource,
  Exemption,
  OwnershipResolver,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { RatedResource } from '../schema/types';

/**
 * Turns one GetResources entry into a rated resource: the common package
 * builds the resource, resolves its owner and rates it; nothing here decides
 * a rule. Exemptions active when the scan started apply to every rating
 * (one that expires mid-scan stops applying at the next one). Throws `InvalidArnError` for an entry whose ARN is malformed.
 */
export class ResourceRater {
  constructor(
    private readonly resolver: OwnershipResolver,
    private readonly config: ChecklistConfig,
    private readonly extraChecks: ReadonlyArray<Check>,
    private readonly exemptions: ReadonlyArray<Exemption> = [],
    private readonly now: Date = new Date(),
  ) {}

  /** A selector matches only resources of the team the exemption was requested for. */
  private exemptionsOf(ownership: { ownerRef?: string }) {
    const team = ownership.ownerRef ?? unownedTeamRef;
    return this.exemptions.filter(e => e.teamRef === team);
  }

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
    const rating = evaluateResource(
      resource,
      ownership,
      this.config,
      this.extraChecks,
    );
    const rated: RatedResource = {
      resource,
      category: classifyResourceType(
        resource.resourceType,
        this.config.classification.overrides,
      ),
      ownership,
      rating: this.exemptions.length
        ? applyExemptions(rating, this.exemptionsOf(ownership), this.now, {
            resource,
            config: this.config,
          })
        : rating,
    };
    const link = consoleUrl(resource);
    if (link) rated.consoleUrl = link;
    return rated;
  }
}

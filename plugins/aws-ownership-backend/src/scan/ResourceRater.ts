import type { ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import {
  AwsResource,
  applyExemptions,
  buildResource,
  Check,
  ChecklistConfig,
  classifyResourceType,
  consoleUrl,
  evaluateResource,
  Exemption,
  OwnershipResolver,
  ResourceEvidence,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { EvidenceForResource } from '../evidence/ScanEvidence';
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

  rate(
    mapping: ResourceTagMapping,
    sourceRegion: string,
    found: EvidenceForResource = {},
  ): RatedResource {
    const details = mapping.ComplianceDetails;
    const resource: AwsResource = buildResource({
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
    if (found.evidence) resource.evidence = found.evidence;
    if (found.unavailable) resource.evidenceUnavailable = found.unavailable;
    return this.rateResource(resource);
  }

  /** Rates a resource an evidence provider records and the Tagging API never listed: no tags, so nobody's. */
  rateNeverTagged(
    arn: string,
    sourceRegion: string,
    evidence: ResourceEvidence,
  ): RatedResource {
    const resource: AwsResource = buildResource({
      arn,
      tags: {},
      sourceRegion,
    });
    resource.evidence = evidence;
    return { ...this.rateResource(resource), neverTagged: true };
  }

  private rateResource(resource: AwsResource): RatedResource {
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

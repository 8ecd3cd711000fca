import {
  configEvidenceTypes,
  factsFromConfigItem,
  type ConfigEvidenceType,
  type ResourceEvidence,
} from '@aws-ownership/backstage-plugin-common';
import type { EvidenceRecord } from '@aws-ownership/backstage-plugin-node';

/** The source name AWS Config's evidence carries. */
export const AWS_CONFIG_SOURCE = 'AWS Config';

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The advanced query of one Config type: only the properties its facts need,
 * optionally narrowed to an account and regions (for an aggregator).
 */
export function selectExpression(
  type: ConfigEvidenceType,
  scope?: { accountId: string; regions: string[] },
): string {
  const fields = [
    'arn',
    'awsRegion',
    'configurationItemCaptureTime',
    ...type.properties,
  ];
  let where = `resourceType = ${quote(type.configType)}`;
  if (scope) {
    where += ` AND accountId = ${quote(
      scope.accountId,
    )} AND awsRegion IN (${scope.regions.map(quote).join(', ')})`;
  }
  return `SELECT ${fields.join(', ')} WHERE ${where}`;
}

/** The Config types the built-in provider queries. */
export const queriedTypes: ReadonlyArray<ConfigEvidenceType> =
  configEvidenceTypes;

/** One result row of an advanced query (a JSON string) as an evidence record with its region. */
export function recordFromRow(
  row: string,
  type: ConfigEvidenceType,
  fallbackCapturedAt: string,
): (EvidenceRecord & { region: string }) | undefined {
  const item = JSON.parse(row) as {
    arn?: string;
    awsRegion?: string;
    configurationItemCaptureTime?: string;
    configuration?: Record<string, unknown>;
    supplementaryConfiguration?: Record<string, unknown>;
  };
  if (!item.arn || !item.awsRegion) return undefined;
  const evidence: ResourceEvidence = {
    source: AWS_CONFIG_SOURCE,
    capturedAt: item.configurationItemCaptureTime ?? fallbackCapturedAt,
    configType: type.configType,
    facts: factsFromConfigItem({
      resourceType: type.configType,
      configuration: item.configuration,
      supplementaryConfiguration: item.supplementaryConfiguration,
    }),
  };
  return { arn: item.arn, region: item.awsRegion, evidence };
}

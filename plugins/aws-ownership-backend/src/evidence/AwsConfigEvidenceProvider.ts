import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  paginateSelectAggregateResourceConfig,
  paginateSelectResourceConfig,
} from '@aws-sdk/client-config-service';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type {
  AwsOwnershipEvidenceProvider,
  EvidenceRecord,
  RegionEvidence,
} from '@aws-ownership/backstage-plugin-node';
import { RequestPacer } from '../collector/RequestPacer';
import { describeError } from '../scan/describeError';
import {
  AWS_CONFIG_SOURCE,
  queriedTypes,
  recordFromRow,
  selectExpression,
} from './configQueries';
import { createConfigClient } from './createConfigClient';
import type { EvidenceConfig } from './evidenceConfigSchema';

/** What the AWS Config provider needs. */
export interface AwsConfigEvidenceProviderOptions {
  settings: EvidenceConfig['awsConfig'];
  credentials: AwsCredentialsManager;
  endpoint?: string;
  logger: LoggerService;
}

const PAGE_SIZE = 100;

type Located = EvidenceRecord & { region: string };

/**
 * The built-in evidence provider: AWS Config's advanced query, per account
 * and region (`SelectResourceConfig`, after `DescribeConfigurationRecorderStatus`
 * says whether Config records there), or over an aggregator
 * (`SelectAggregateResourceConfig`). One query per Config type, selecting only
 * the properties its facts need. Failures become unavailable regions.
 */
export class AwsConfigEvidenceProvider implements AwsOwnershipEvidenceProvider {
  readonly source = AWS_CONFIG_SOURCE;

  constructor(private readonly options: AwsConfigEvidenceProviderOptions) {}

  async readAccount(request: {
    accountId: string;
    regions: string[];
    signal?: AbortSignal;
  }): Promise<RegionEvidence[]> {
    const { aggregator } = this.options.settings;
    const regions = aggregator
      ? await this.readAggregator(request, aggregator)
      : await this.readRegions(request);
    for (const r of regions) {
      if (!r.available) {
        this.options.logger.warn(
          `No AWS Config evidence for ${request.accountId}/${r.region}: ${r.reason}`,
        );
      }
    }
    return regions;
  }

  private async readRegions(request: {
    accountId: string;
    regions: string[];
    signal?: AbortSignal;
  }): Promise<RegionEvidence[]> {
    let credentials;
    try {
      credentials = (
        await this.options.credentials.getCredentialProvider({
          accountId: request.accountId,
        })
      ).sdkCredentialProvider;
    } catch (error) {
      const reason = `no credentials for account ${
        request.accountId
      }: ${describeError(error)}`;
      return request.regions.map(region =>
        unavailable(region, 'unknown', reason),
      );
    }
    return Promise.all(
      request.regions.map(region =>
        this.readRegion(region, credentials, request.signal),
      ),
    );
  }

  private client(region: string, credentials: any, signal?: AbortSignal) {
    const { settings, endpoint } = this.options;
    return createConfigClient({
      region,
      credentials,
      endpoint,
      maxAttempts: settings.maxAttempts,
      pacer: new RequestPacer(settings.requestsPerSecond),
      signal,
    });
  }

  private async readRegion(
    region: string,
    credentials: any,
    signal?: AbortSignal,
  ): Promise<RegionEvidence> {
    const client = this.client(region, credentials, signal);
    try {
      let recording: RegionEvidence['recording'];
      try {
        const status = await client.send(
          new DescribeConfigurationRecorderStatusCommand({}),
          { abortSignal: signal },
        );
        recording = status.ConfigurationRecordersStatus?.some(r => r.recording)
          ? 'on'
          : 'off';
      } catch (error) {
        signal?.throwIfAborted();
        return unavailable(
          region,
          'unknown',
          `AWS Config recorder status unreadable: ${describeError(error)}`,
        );
      }
      if (recording === 'off') {
        return unavailable(
          region,
          'off',
          `AWS Config is not recording in ${region}`,
        );
      }
      let records: EvidenceRecord[];
      try {
        // one query per type, concurrently: the pacer keeps the region within its rate
        const perType = await Promise.all(
          queriedTypes.map(type => selectAll(client, type)),
        );
        records = perType.flat();
      } catch (error) {
        signal?.throwIfAborted();
        return unavailable(
          region,
          recording,
          `AWS Config query failed: ${describeError(error)}`,
        );
      }
      return { region, recording, available: true, records };
    } finally {
      client.destroy();
    }
  }

  private async readAggregator(
    request: { accountId: string; regions: string[]; signal?: AbortSignal },
    aggregator: NonNullable<EvidenceConfig['awsConfig']['aggregator']>,
  ): Promise<RegionEvidence[]> {
    const { signal, regions } = request;
    let client: ConfigServiceClient | undefined;
    const found: Located[] = [];
    try {
      const credentials = (
        await this.options.credentials.getCredentialProvider({
          accountId: aggregator.accountId,
        })
      ).sdkCredentialProvider;
      client = this.client(aggregator.region, credentials, signal);
      for (const type of queriedTypes) {
        const now = new Date().toISOString();
        for await (const page of paginateSelectAggregateResourceConfig(
          { client, pageSize: PAGE_SIZE },
          {
            ConfigurationAggregatorName: aggregator.name,
            Expression: selectExpression(type, {
              accountId: request.accountId,
              regions,
            }),
          },
        )) {
          for (const row of page.Results ?? []) {
            const record = recordFromRow(row, type, now);
            if (record) found.push(record);
          }
        }
      }
    } catch (error) {
      signal?.throwIfAborted();
      const reason = `AWS Config aggregator ${
        aggregator.name
      } query failed: ${describeError(error)}`;
      return regions.map(region => unavailable(region, 'unknown', reason));
    } finally {
      client?.destroy();
    }
    // an aggregator cannot tell whether a member region records
    return regions.map(region => ({
      region,
      recording: 'unknown',
      available: true,
      records: found
        .filter(r => r.region === region)
        .map(r => ({ arn: r.arn, evidence: r.evidence })),
    }));
  }
}

/** Every row of one Config type's query in the client's account and region. */
async function selectAll(
  client: ConfigServiceClient,
  type: (typeof queriedTypes)[number],
): Promise<EvidenceRecord[]> {
  const records: EvidenceRecord[] = [];
  const now = new Date().toISOString();
  for await (const page of paginateSelectResourceConfig(
    { client, pageSize: PAGE_SIZE },
    { Expression: selectExpression(type) },
  )) {
    for (const row of page.Results ?? []) {
      const record = recordFromRow(row, type, now);
      if (record) records.push({ arn: record.arn, evidence: record.evidence });
    }
  }
  return records;
}

function unavailable(
  region: string,
  recording: RegionEvidence['recording'],
  reason: string,
): RegionEvidence {
  return { region, recording, available: false, reason, records: [] };
}

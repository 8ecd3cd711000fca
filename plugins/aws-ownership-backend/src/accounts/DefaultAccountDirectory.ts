import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader, type Config } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { JsonObject } from '@backstage/types';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AwsOwnershipConfig } from '../config/types';
import { describeError } from '../scan/describeError';
import { discoverAccounts } from './discoverAccounts';
import type { AccountDirectory, DirectoryAccount } from './types';

/** Organizations is a global service served from us-east-1. */
const ORGANIZATIONS_REGION = 'us-east-1';

/**
 * Credentials for the discovery account the way integration-aws-node gives
 * every other account's, with `organization.roleName`, when set, as that
 * account's role.
 */
function discoveryCredentials(rootConfig: Config, config: AwsOwnershipConfig) {
  const { accountId, roleName } = config.organization!;
  const aws = (rootConfig.getOptional('aws') ?? {}) as JsonObject;
  if (!roleName) return DefaultAwsCredentialsManager.fromConfig(rootConfig);
  const others = ((aws.accounts ?? []) as JsonObject[]).filter(
    a => a.accountId !== accountId,
  );
  return DefaultAwsCredentialsManager.fromConfig(
    new ConfigReader({
      aws: { ...aws, accounts: [...others, { accountId, roleName }] },
    }),
  );
}

/** The accounts in scope, from config and AWS Organizations. */
export class DefaultAccountDirectory implements AccountDirectory {
  private accounts: DirectoryAccount[];

  /** A directory reading the organisation with the portal's AWS credentials. */
  static fromConfig(options: {
    rootConfig: Config;
    config: AwsOwnershipConfig;
    logger: LoggerService;
  }): DefaultAccountDirectory {
    const { rootConfig, config } = options;
    const organization = config.organization;
    return new DefaultAccountDirectory({
      ...options,
      createClient: organization
        ? async () => {
            const manager = discoveryCredentials(rootConfig, config);
            const { sdkCredentialProvider } =
              await manager.getCredentialProvider({
                accountId: organization.accountId,
              });
            return new OrganizationsClient({
              region: ORGANIZATIONS_REGION,
              credentials: sdkCredentialProvider,
              endpoint: config.endpoint,
              maxAttempts: config.collector.maxAttempts,
            });
          }
        : undefined,
    });
  }

  constructor(
    private readonly options: {
      config: AwsOwnershipConfig;
      logger: LoggerService;
      /** Absent when no organisation is configured. */
      createClient?: () => Promise<OrganizationsClient>;
    },
  ) {
    this.accounts = this.configured();
  }

  private configured(): DirectoryAccount[] {
    return this.options.config.accounts.map(a => ({
      ...a,
      source: 'config',
    }));
  }

  async refresh(): Promise<{
    accounts: DirectoryAccount[];
    complete: boolean;
  }> {
    const { config, logger, createClient } = this.options;
    const organization = config.organization;
    if (!organization || !createClient) {
      return { accounts: this.accounts, complete: true };
    }
    let client: OrganizationsClient | undefined;
    try {
      client = await createClient();
      const discovered = await discoverAccounts({
        client,
        includeOrganizationalUnits: organization.includeOrganizationalUnits,
        excludeAccounts: organization.excludeAccounts,
      });
      const configured = this.configured();
      const listed = new Set(configured.map(a => a.accountId));
      this.accounts = [
        ...configured,
        ...discovered
          .filter(a => !listed.has(a.accountId))
          .map(a => ({
            accountId: a.accountId,
            regions: organization.regions,
            source: 'organization' as const,
          })),
      ];
      logger.info(
        `AWS Organizations of ${organization.accountId}: ${discovered.length} active account(s) in scope`,
      );
      return { accounts: this.accounts, complete: true };
    } catch (error) {
      // an outage must not retire every discovered account
      logger.warn(
        `Could not list the accounts of the AWS Organization (${
          organization.accountId
        }); keeping the previous list: ${describeError(error)}`,
      );
      return { accounts: this.accounts, complete: false };
    } finally {
      client?.destroy();
    }
  }

  list(): DirectoryAccount[] {
    return this.accounts;
  }

  get(accountId: string): DirectoryAccount | undefined {
    return this.accounts.find(a => a.accountId === accountId);
  }
}

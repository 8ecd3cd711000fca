import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type { AwsOwnershipEvidenceProvider } from '@aws-ownership/backstage-plugin-node';
import type { AwsOwnershipConfig } from '../config/types';
import { AwsConfigEvidenceProvider } from './AwsConfigEvidenceProvider';

/** The providers a scan reads: the built-in AWS Config one when enabled, then the modules'. */
export function createEvidenceProviders(options: {
  config: AwsOwnershipConfig;
  credentials: AwsCredentialsManager;
  logger: LoggerService;
  added: ReadonlyArray<AwsOwnershipEvidenceProvider>;
}): AwsOwnershipEvidenceProvider[] {
  const { config, credentials, logger, added } = options;
  const builtin = config.evidence.awsConfig.enabled
    ? [
        new AwsConfigEvidenceProvider({
          settings: config.evidence.awsConfig,
          credentials,
          endpoint: config.endpoint,
          logger,
        }),
      ]
    : [];
  return [...builtin, ...added];
}

import type { InventoryIndex } from '../inventory/indexes';
import { AwsError } from '../protocol/errors';
import { issueSessionCredentials } from './credentials';
import type { SessionRegistry } from './identity';

const ROLE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** An STS `ValidationError` (400). */
function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message);
}

/** What AssumeRole needs besides its parameters. */
export interface AssumeRoleContext {
  index: InventoryIndex;
  sessions: SessionRegistry;
  /** The caller, for the AccessDenied message. */
  callerArn: string;
}

/**
 * AssumeRole: credentials acting in the role's account, if the inventory lists the role for
 * that account and the ExternalId matches the one it demands.
 */
export function assumeRole(
  params: URLSearchParams,
  ctx: AssumeRoleContext,
): Record<string, unknown> {
  const roleArn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  if (!roleArn)
    throw validationError(
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  if (!sessionName)
    throw validationError(
      "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  if (!SESSION_NAME.test(sessionName)) {
    throw validationError(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length from 2 to 64`,
    );
  }
  const durationText = params.get('DurationSeconds');
  const duration = durationText === null ? 3600 : Number(durationText);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    throw validationError(
      `1 validation error detected: Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  const match = ROLE_ARN.exec(roleArn);
  if (!match) {
    throw validationError(`${roleArn} is invalid`);
  }
  const [, partition, accountId, roleName] = match;
  const role = ctx.index
    .account(accountId)
    ?.roles?.find(r => r.name === roleName);
  const externalId = params.get('ExternalId') ?? undefined;
  if (
    !role ||
    (role.externalId !== undefined && role.externalId !== externalId)
  ) {
    throw new AwsError(
      'AccessDenied',
      `User: ${ctx.callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  }
  const credentials = issueSessionCredentials(accountId, duration);
  ctx.sessions.remember(credentials.accessKeyId, { roleName, sessionName });
  return {
    AssumedRoleUser: {
      AssumedRoleId: `AROA${accountId}EMU:${sessionName}`,
      Arn: `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
    },
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: credentials.expiration.toISOString(),
    },
    PackedPolicySize: 0,
  };
}

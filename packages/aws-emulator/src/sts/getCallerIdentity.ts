import type { SessionRegistry } from './identity';
import { isSessionAccessKey } from './credentials';

/** The ARN of the principal behind an access key. */
export function callerArn(
  accessKeyId: string,
  accountId: string,
  sessions: SessionRegistry,
): string {
  if (isSessionAccessKey(accessKeyId)) {
    const session = sessions.lookup(accessKeyId) ?? {
      roleName: 'emulator-role',
      sessionName: 'session',
    };
    return `arn:aws:sts::${accountId}:assumed-role/${session.roleName}/${session.sessionName}`;
  }
  return `arn:aws:iam::${accountId}:user/emulator`;
}

/** GetCallerIdentity: the account, user id and ARN of the caller's access key. */
export function getCallerIdentity(
  accessKeyId: string,
  accountId: string,
  sessions: SessionRegistry,
): Record<string, unknown> {
  const session = isSessionAccessKey(accessKeyId)
    ? sessions.lookup(accessKeyId)
    : undefined;
  return {
    Arn: callerArn(accessKeyId, accountId, sessions),
    UserId: session
      ? `AROA${accountId}EMU:${session.sessionName}`
      : accessKeyId,
    Account: accountId,
  };
}

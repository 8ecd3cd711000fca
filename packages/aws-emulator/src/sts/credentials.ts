import { randomBytes } from 'node:crypto';

const SESSION_KEY = /^ASIA(\d{12})[A-Z2-7]{4}$/;
const ACCOUNT_ID = /^\d{12}$/;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Temporary credentials in the shape STS returns them. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** Issues session credentials whose access key id encodes the account they act in. */
export function issueSessionCredentials(
  accountId: string,
  durationSeconds: number,
  now: Date = new Date(),
): SessionCredentials {
  const suffix = Array.from(
    randomBytes(4),
    b => KEY_ALPHABET[b % KEY_ALPHABET.length],
  ).join('');
  return {
    accessKeyId: `ASIA${accountId}${suffix}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `EmulatorSession/${randomBytes(48).toString('base64')}`,
    expiration: new Date(now.getTime() + durationSeconds * 1000),
  };
}

/**
 * The account an access key acts in: the one encoded by a key AssumeRole issued,
 * a key that is itself a 12-digit account id (LocalStack's convention), or else the main account.
 */
export function accountForAccessKey(
  accessKeyId: string | undefined,
  mainAccountId: string,
): string {
  if (!accessKeyId) {
    return mainAccountId;
  }
  const session = SESSION_KEY.exec(accessKeyId);
  if (session) {
    return session[1];
  }
  return ACCOUNT_ID.test(accessKeyId) ? accessKeyId : mainAccountId;
}

/** Whether AssumeRole issued this access key (it names a role session, not a user). */
export function isSessionAccessKey(accessKeyId: string | undefined): boolean {
  return !!accessKeyId && SESSION_KEY.test(accessKeyId);
}

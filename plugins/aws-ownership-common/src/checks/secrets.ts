// Words that name a secret, matched as whole words of a lowercased key.
const secretKeyPattern =
  /(?:^|[^a-z])(?:password|passwd|pwd|secret|token|credentials?|(?:api|access|private|secret)[-_ ]?key)(?:$|[^a-z])/;
// Credential shapes: an access key id, PEM private key armour, GitHub, Slack and JWT tokens.
const secretValuePattern =
  /(?:^|[^A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?:$|[^A-Z0-9])|-----BEGIN [A-Z ]*PRIVATE KEY-----|\bgh[pousr]_[A-Za-z0-9]{30,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./;
// A secret written as an assignment: `password=...`, `api_key: ...`.
const secretAssignmentPattern =
  /(?:password|passwd|pwd|secret|token|api[-_]?key)\s*[=:]\s*\S/i;

/**
 * Whether a tag key names a secret (`db-password`, `api_key`, `GithubToken`).
 * A key that is itself a credential (an access key id) is what
 * `looksLikeSecretValue` finds.
 */
export function looksLikeSecretKey(key: string): boolean {
  // split camelCase words (`GithubToken` -> `github-token`) before matching whole words
  const lower = key.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase();
  return !lower.startsWith('aws:') && secretKeyPattern.test(lower);
}

/** Whether a tag value looks like a credential: an access key id, `password=…`, a private key, a known token format. */
export function looksLikeSecretValue(value: string): boolean {
  return secretValuePattern.test(value) || secretAssignmentPattern.test(value);
}

/** Whether a tag looks like a secret, by its key or its value: what `tagging.no-secrets` flags. */
export function isSecretTag(key: string, value: string): boolean {
  return (
    looksLikeSecretValue(key) ||
    looksLikeSecretKey(key) ||
    looksLikeSecretValue(value)
  );
}

/** The text shown for a secret value, in messages and masked tags. */
export const redacted = '[redacted]';

/** A value safe to show in a message: secret-looking values are redacted, long ones shortened. */
export function displayValue(value: string): string {
  if (looksLikeSecretValue(value)) return redacted;
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

/** A key safe to show in a message: secret-shaped keys are redacted, long ones shortened. */
export function displayKey(key: string): string {
  if (looksLikeSecretValue(key)) return '[redacted key]';
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}

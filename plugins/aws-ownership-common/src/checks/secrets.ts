// One regex per test keeps the per-tag cost to a single scan.
const secretKeyPattern =
  /(?:^|[^a-z])(?:password|passwd|pwd|secret|token|credentials?|(?:api|access|private|secret)[-_ ]?key)(?:$|[^a-z])/;
const hasUpper = /[A-Z]/;
const camelBoundary = /([a-z0-9])([A-Z])/g;
const accessKeyId =
  /(?:^|[^A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?:$|[^A-Z0-9])/;
const secretValuePattern =
  /(?:^|[^A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?:$|[^A-Z0-9])|-----BEGIN [A-Z ]*PRIVATE KEY-----|\bgh[pousr]_[A-Za-z0-9]{30,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./;
const secretAssignmentPattern =
  /(?:password|passwd|pwd|secret|token|api[-_]?key)\s*[=:]\s*\S/i;

// Keys and values repeat across an inventory (owner, environment, prod, ...):
// remember verdicts, within a bound so arbitrary input cannot grow it forever.
const maxCached = 20000;
const keyVerdicts = new Map<string, boolean>();
const valueVerdicts = new Map<string, boolean>();

function remember(cache: Map<string, boolean>, text: string, verdict: boolean) {
  if (cache.size >= maxCached) cache.clear();
  cache.set(text, verdict);
  return verdict;
}

/**
 * Whether `text` contains something every secret pattern needs: an `=` or `:`
 * (assignments), `AKIA`/`ASIA`/`ABIA`/`ACCA` (access key ids), `--` (PEM
 * armour), `gh?_`, `xox` or `eyJ` (token formats). Most tag values have none
 * of these and are cleared without running (or caching) the full regexes; a
 * `true` only means "ask the regexes". One small regex: the engine scans for
 * it faster than a character loop in JavaScript.
 */
const maySecretPattern = /[=:]|--|A[KSBC]|gh[\s\S]_|xox|eyJ/;

function mayHoldSecret(text: string): boolean {
  return maySecretPattern.test(text);
}

/** Whether a tag key names a secret (`db-password`, `api_key`, `token`) or is an access key id. */
export function looksLikeSecretKey(key: string): boolean {
  const known = keyVerdicts.get(key);
  if (known !== undefined) return known;
  return remember(keyVerdicts, key, judgeKey(key));
}

function judgeKey(key: string): boolean {
  if (accessKeyId.test(key)) return true;
  // split camelCase words (`GithubToken` -> `github-token`) before matching whole words
  const lower = (
    hasUpper.test(key) ? key.replace(camelBoundary, '$1-$2') : key
  ).toLowerCase();
  if (lower.startsWith('aws:')) return false;
  return secretKeyPattern.test(lower);
}

/** Whether a tag value looks like a credential: an access key id, `password=…`, a private key, a known token format. */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 5) return false; // the shortest pattern, `pwd=x`, needs five
  if (!mayHoldSecret(value)) return false;
  const known = valueVerdicts.get(value);
  if (known !== undefined) return known;
  return remember(
    valueVerdicts,
    value,
    secretValuePattern.test(value) || secretAssignmentPattern.test(value),
  );
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

/**
 * A short, log- and API-safe description of an error: its name and message,
 * with anything shaped like an AWS access key id or a secret masked.
 */
export function describeError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? 'Error';
  const message =
    error instanceof Error ? error.message : String(error ?? 'unknown error');
  const text = `${name}: ${message}`
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '$1****')
    .replace(
      /((?:secret|token|password|signature|credential)[^=:\s]*[=:]\s*)\S+/gi,
      '$1****',
    );
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

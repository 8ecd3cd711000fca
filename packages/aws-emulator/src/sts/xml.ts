import type { AwsError } from '../protocol/errors';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Escapes text for an XML element. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Renders `{ A: 'x', B: { C: 'y' } }` as nested elements. */
export function xmlElements(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) =>
      typeof value === 'object' && value !== null
        ? `<${name}>${xmlElements(value as Record<string, unknown>)}</${name}>`
        : `<${name}>${xmlEscape(String(value))}</${name}>`,
    )
    .join('');
}

/** An STS query-protocol response: `<ActionResponse><ActionResult>..</ActionResult><ResponseMetadata/>`. */
export function stsResponse(
  action: string,
  result: Record<string, unknown>,
  requestId: string,
): string {
  return (
    `<${action}Response xmlns="${STS_NAMESPACE}">` +
    `<${action}Result>${xmlElements(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

/** An STS query-protocol error document. */
export function stsError(error: AwsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}">` +
    `<Error><Type>${error.senderFault ? 'Sender' : 'Receiver'}</Type>` +
    `<Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(
      error.message,
    )}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

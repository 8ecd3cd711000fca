import type { IncomingMessage } from 'node:http';
import type { SigV4Scope } from './auth';
import { AwsError } from './errors';
import { API_BODY_LIMIT, readBody } from './http';

/**
 * Reads the body of a JSON 1.1 call (Tagging API, AWS Config, Organizations),
 * then refuses an unsigned one, as those services do.
 */
export async function readSignedBody(
  req: IncomingMessage,
  scope: SigV4Scope | undefined,
): Promise<string> {
  const text = await readBody(req, API_BODY_LIMIT);
  if (!scope) {
    throw new AwsError(
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
  }
  return text;
}

/** A JSON 1.1 request body as a value (an empty body is `{}`). */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AwsError(
      'SerializationException',
      'The request body is not valid JSON',
    );
  }
}

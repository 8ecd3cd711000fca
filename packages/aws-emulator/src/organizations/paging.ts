import { AwsError } from '../protocol/errors';
import { invalidInput } from './errors';

/** The most items one page of an Organizations List call holds (the model's MaxResults maximum). */
export const ORGANIZATIONS_PAGE_SIZE = 20;

/** Where a NextToken points: the call it belongs to and the offset of the next page. */
interface TokenContent {
  operation: string;
  parentId: string;
  caller: string;
  generation: string;
  offset: number;
}

/** What a List call asked for, validated. */
export interface ListInput {
  body: Record<string, unknown>;
  maxResults: number;
  nextToken?: string;
}

function serializationError(member: string, type: string): AwsError {
  return new AwsError('SerializationException', `${member} must be ${type}`);
}

/** The request body as an object, and its MaxResults (1-20, default 20) and NextToken. */
export function readListInput(input: unknown): ListInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AwsError(
      'SerializationException',
      'The request body must be a JSON object',
    );
  }
  const body = input as Record<string, unknown>;
  const { MaxResults, NextToken } = body;
  if (MaxResults !== undefined && MaxResults !== null) {
    if (typeof MaxResults !== 'number' || !Number.isInteger(MaxResults)) {
      throw serializationError('MaxResults', 'an integer');
    }
    if (MaxResults < 1) {
      throw invalidInput(
        'MIN_VALUE_EXCEEDED',
        'You provided a value for MaxResults below the minimum of 1.',
      );
    }
    if (MaxResults > ORGANIZATIONS_PAGE_SIZE) {
      throw invalidInput(
        'MAX_VALUE_EXCEEDED',
        `You provided a value for MaxResults above the maximum of ${ORGANIZATIONS_PAGE_SIZE}.`,
      );
    }
  }
  if (NextToken !== undefined && NextToken !== null) {
    if (typeof NextToken !== 'string') {
      throw serializationError('NextToken', 'a string');
    }
  }
  return {
    body,
    maxResults: (MaxResults as number | undefined) ?? ORGANIZATIONS_PAGE_SIZE,
    nextToken: (NextToken as string | undefined) || undefined,
  };
}

function badToken(): AwsError {
  return invalidInput(
    'INVALID_NEXT_TOKEN',
    'The NextToken is not valid: get it from the response to a previous call of the same operation.',
  );
}

/**
 * One page of `items`. The NextToken carries its own position (no server state), tied to the
 * operation, parent, caller and loaded inventory that issued it; it is absent on the last page.
 */
export function page<T>(
  items: readonly T[],
  input: ListInput,
  call: Omit<TokenContent, 'offset'>,
): { items: T[]; nextToken?: string } {
  let offset = 0;
  if (input.nextToken) {
    let content: Partial<TokenContent>;
    try {
      content = JSON.parse(
        Buffer.from(input.nextToken, 'base64url').toString('utf8'),
      );
    } catch {
      throw badToken();
    }
    if (
      typeof content !== 'object' ||
      content === null ||
      content.operation !== call.operation ||
      content.parentId !== call.parentId ||
      content.caller !== call.caller ||
      content.generation !== call.generation ||
      typeof content.offset !== 'number' ||
      content.offset < 0
    ) {
      throw badToken();
    }
    offset = content.offset;
  }
  const end = offset + input.maxResults;
  const nextToken =
    end < items.length
      ? Buffer.from(JSON.stringify({ ...call, offset: end })).toString(
          'base64url',
        )
      : undefined;
  return { items: items.slice(offset, end), nextToken };
}

import {
  AwsError,
  invalidParameter,
  validationMessage,
} from '../protocol/errors';

/** A JSON body member of the wrong type is a `SerializationException`, as on AWS's JSON protocols. */
function serialization(field: string): AwsError {
  return new AwsError(
    'SerializationException',
    `Unexpected value type for field '${field}'`,
  );
}

type Body = Record<string, unknown>;

/** An optional string member, checked for length. */
export function optionalString(
  body: Body,
  field: string,
  min: number,
  max: number,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw serialization(field);
  checkLength(value, field, min, max);
  return value;
}

/** A string's length within [min, max]. */
export function checkLength(
  value: string,
  field: string,
  min: number,
  max: number,
): void {
  if (value.length < min) {
    throw invalidParameter(
      validationMessage(
        field,
        value,
        `Member must have length greater than or equal to ${min}`,
      ),
    );
  }
  if (value.length > max) {
    throw invalidParameter(
      validationMessage(
        field,
        value,
        `Member must have length less than or equal to ${max}`,
      ),
    );
  }
}

/** An optional integer member within [min, max]. */
export function optionalInteger(
  body: Body,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw serialization(field);
  }
  if (value < min) {
    throw invalidParameter(
      validationMessage(
        field,
        value,
        `Member must have value greater than or equal to ${min}`,
      ),
    );
  }
  if (value > max) {
    throw invalidParameter(
      validationMessage(
        field,
        value,
        `Member must have value less than or equal to ${max}`,
      ),
    );
  }
  return value;
}

/** An optional boolean member. */
export function optionalBoolean(
  body: Body,
  field: string,
): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw serialization(field);
  return value;
}

/** An optional list member with at most `max` items (and at least `min` when present). */
export function optionalList(
  body: Body,
  field: string,
  min: number,
  max: number,
): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw serialization(field);
  if (value.length < min) {
    throw invalidParameter(
      validationMessage(
        field,
        `[${value.length} items]`,
        `Member must have length greater than or equal to ${min}`,
      ),
    );
  }
  if (value.length > max) {
    throw invalidParameter(
      validationMessage(
        field,
        `[${value.length} items]`,
        `Member must have length less than or equal to ${max}`,
      ),
    );
  }
  return value;
}

/** A list of strings, each of length within [min, max]. */
export function stringItems(
  items: unknown[],
  field: string,
  min: number,
  max: number,
): string[] {
  return items.map((item, i) => {
    if (typeof item !== 'string') throw serialization(`${field}.${i + 1}`);
    checkLength(item, `${field}.${i + 1}`, min, max);
    return item;
  });
}

/** The request body must be a JSON object. */
export function asBody(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new AwsError(
      'SerializationException',
      'Request body must be a JSON object',
    );
  }
  return value as Body;
}

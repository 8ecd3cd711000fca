import { AwsError } from '../protocol/errors';

/** `InvalidExpressionException`: the query does not parse, or uses what the emulator does not support. */
export function invalidExpression(message: string): AwsError {
  return new AwsError('InvalidExpressionException', message);
}

/** `InvalidLimitException`: `Limit` or `MaxResults` outside 0 to 100. */
export function invalidLimit(field: string, value: unknown): AwsError {
  return new AwsError(
    'InvalidLimitException',
    `1 validation error detected: Value '${String(
      value,
    )}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to 100`,
  );
}

/** `InvalidNextTokenException`: a token that is not one of ours, expired, or from another query. */
export function invalidNextToken(): AwsError {
  return new AwsError(
    'InvalidNextTokenException',
    'The nextToken provided is invalid',
  );
}

/** `ValidationException`, AWS Config's error for a missing or mistyped member. */
export function validationError(message: string): AwsError {
  return new AwsError('ValidationException', message);
}

/** `NoSuchConfigurationAggregatorException`. */
export function noSuchAggregator(name: string): AwsError {
  return new AwsError(
    'NoSuchConfigurationAggregatorException',
    `The configuration aggregator '${name}' does not exist. Check the configuration aggregator name and try again.`,
  );
}

/** `NoSuchConfigurationRecorderException`. */
export function noSuchRecorder(name: string): AwsError {
  return new AwsError(
    'NoSuchConfigurationRecorderException',
    `Cannot find configuration recorder with the specified name '${name}'.`,
  );
}

/** AWS's common `ThrottlingException` (the Tagging API's own is `ThrottledException`). */
export function configThrottled(): AwsError {
  return new AwsError('ThrottlingException', 'Rate exceeded');
}

/** Faults are decided in the Tagging API's vocabulary; AWS Config answers with the common error names. */
export function asConfigError(error: AwsError): AwsError {
  if (error.code === 'ThrottledException') return configThrottled();
  if (error.code === 'InternalServiceException') {
    return new AwsError('InternalFailure', error.message, 500);
  }
  return error;
}

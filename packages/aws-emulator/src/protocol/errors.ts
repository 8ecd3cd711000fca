/** An error answered to the client in the wire format of the service it called. */
export class AwsError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, statusCode = 400) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.statusCode = statusCode;
  }

  /** Whether the client (4xx) rather than the service (5xx) is at fault. */
  get senderFault(): boolean {
    return this.statusCode < 500;
  }
}

/** `InvalidParameterException`: a parameter is missing, out of range or combined with one it excludes. */
export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

/** `ThrottledException`, as AWS answers a call beyond the quota. */
export function throttled(): AwsError {
  return new AwsError('ThrottledException', 'Rate exceeded');
}

/** `InternalServiceException`, the Tagging API's 500. */
export function internalServiceError(
  message = 'Internal service error',
): AwsError {
  return new AwsError('InternalServiceException', message, 500);
}

/** `PaginationTokenExpiredException`: the token is older than its lifetime. */
export function paginationTokenExpired(): AwsError {
  return new AwsError(
    'PaginationTokenExpiredException',
    'The pagination token has expired. Start the request again without a pagination token.',
  );
}

/** The constraint message AWS uses for a parameter out of range. */
export function validationMessage(
  field: string,
  value: unknown,
  constraint: string,
): string {
  return `1 validation error detected: Value '${String(
    value,
  )}' at '${field}' failed to satisfy constraint: ${constraint}`;
}

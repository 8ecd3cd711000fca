import type { ServerResponse } from 'node:http';
import { AwsError } from '../protocol/errors';
import { send } from '../protocol/http';

/** An Organizations error that carries the model's extra members (`Reason` of InvalidInputException). */
export class OrganizationsError extends AwsError {
  constructor(
    code: string,
    message: string,
    readonly members: Record<string, string> = {},
    statusCode = 400,
  ) {
    super(code, message, statusCode);
  }
}

/** `InvalidInputException` with one of the model's `InvalidInputExceptionReason` values. */
export function invalidInput(reason: string, message: string): AwsError {
  return new OrganizationsError('InvalidInputException', message, {
    Reason: reason,
  });
}

/** `AccessDeniedException`, for a member account that is neither the management account nor a delegated administrator. */
export function accessDenied(): AwsError {
  return new AwsError(
    'AccessDeniedException',
    "You don't have permissions to perform the requested operation.",
  );
}

/** `AWSOrganizationsNotInUseException`, for an account outside the organization (or an inventory without one). */
export function notInUse(): AwsError {
  return new AwsError(
    'AWSOrganizationsNotInUseException',
    "Your account isn't a member of an organization.",
  );
}

/** `ParentNotFoundException`, for a well-formed ParentId that names no root or OU. */
export function parentNotFound(): AwsError {
  return new AwsError(
    'ParentNotFoundException',
    "We can't find a root or OU with the ParentId that you specified.",
  );
}

/** `TooManyRequestsException`, Organizations' throttling error (the quota or an injected throttle). */
export function tooManyRequests(): AwsError {
  return new AwsError(
    'TooManyRequestsException',
    'You have sent too many requests in too short a period of time. Try again later.',
  );
}

/** `ServiceException`, Organizations' 500. */
export function serviceException(message: string): AwsError {
  return new AwsError('ServiceException', message, 500);
}

/** The Organizations error for an injected fault, which the fault injector words as a Tagging API error. */
export function asOrganizationsError(error: AwsError): AwsError {
  if (error.code === 'ThrottledException') return tooManyRequests();
  if (error.statusCode >= 500) return serviceException(error.message);
  return error;
}

/** A JSON 1.1 error body: `__type`, `Message` and the error's own members. */
export function sendOrganizationsError(
  res: ServerResponse,
  error: AwsError,
  requestId: string,
): void {
  const members = error instanceof OrganizationsError ? error.members : {};
  send(
    res,
    error.statusCode,
    'application/x-amz-json-1.1',
    JSON.stringify({ __type: error.code, Message: error.message, ...members }),
    { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code },
  );
}

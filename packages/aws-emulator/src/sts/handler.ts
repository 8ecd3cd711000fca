import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from '../emulatorState';
import { AwsError } from '../protocol/errors';
import { parseSigV4Scope } from '../protocol/auth';
import { API_BODY_LIMIT, readBody, send } from '../protocol/http';
import { assumeRole } from './assumeRole';
import { accountForAccessKey } from './credentials';
import { callerArn, getCallerIdentity } from './getCallerIdentity';
import { stsError, stsResponse } from './xml';

/** Reads the query-protocol parameters from a form body, or from the query string of a GET. */
export async function readStsParams(
  req: IncomingMessage,
): Promise<URLSearchParams> {
  const body = await readBody(req, API_BODY_LIMIT);
  if (body) return new URLSearchParams(body);
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

/** Answers one STS call (query protocol, XML): AssumeRole or GetCallerIdentity. */
export async function handleSts(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  requestId: string,
): Promise<void> {
  const scope = parseSigV4Scope(req.headers.authorization);
  const action = params.get('Action') ?? '';
  const region = scope?.region ?? 'us-east-1';
  const accountId = accountForAccessKey(
    scope?.accessKeyId,
    state.index.mainAccountId,
  );
  try {
    if (!scope) {
      throw new AwsError(
        'MissingAuthenticationToken',
        'Request is missing Authentication Token',
        403,
      );
    }
    let result: Record<string, unknown>;
    if (action === 'AssumeRole') {
      result = assumeRole(params, {
        index: state.index,
        sessions: state.sessions,
        callerArn: callerArn(scope.accessKeyId, accountId, state.sessions),
      });
    } else if (action === 'GetCallerIdentity') {
      result = getCallerIdentity(scope.accessKeyId, accountId, state.sessions);
    } else {
      throw new AwsError(
        'InvalidAction',
        `Could not find operation ${action} for version 2011-06-15`,
      );
    }
    state.stats.record(accountId, region, action, 'ok');
    send(res, 200, 'text/xml', stsResponse(action, result, requestId), {
      'x-amzn-RequestId': requestId,
    });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    state.stats.record(accountId, region, action || 'Unknown', 'error');
    send(res, error.statusCode, 'text/xml', stsError(error, requestId), {
      'x-amzn-RequestId': requestId,
    });
  }
}

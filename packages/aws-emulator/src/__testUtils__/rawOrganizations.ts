import { fakeAuthorization, RawResponse } from './rawCall';

/** Calls an AWS Organizations operation over plain HTTP as `accessKeyId` (a 12-digit key acts in that account). */
export async function rawOrganizations(
  url: string,
  operation: string,
  body: unknown = {},
  options: { accessKeyId?: string; auth?: boolean } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': `AWSOrganizationsV20161128.${operation}`,
  };
  if (options.auth !== false) {
    headers.Authorization = fakeAuthorization(
      options.accessKeyId ?? 'AKIAEMULATORTEST0001',
      'us-east-1',
      'organizations',
    );
  }
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

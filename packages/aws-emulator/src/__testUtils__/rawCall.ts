/** A response read without an SDK, to check the wire format. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** An `Authorization` header carrying the SigV4 credential scope (the emulator does not check signatures). */
export function fakeAuthorization(
  accessKeyId: string,
  region: string,
  service: string,
): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20250101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000`;
}

/** Calls a Tagging API operation over plain HTTP. */
export async function rawTagging(
  url: string,
  operation: string,
  body: unknown,
  options: { accessKeyId?: string; region?: string; auth?: boolean } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': `ResourceGroupsTaggingAPI_20170126.${operation}`,
  };
  if (options.auth !== false) {
    headers.Authorization = fakeAuthorization(
      options.accessKeyId ?? 'AKIAEMULATORTEST0001',
      options.region ?? 'us-east-1',
      'tagging',
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

/** Calls the control endpoint. */
export async function control(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/_emulator/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

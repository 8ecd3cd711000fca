/** What the emulator reads from a SigV4 `Authorization` header (the signature is not verified). */
export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const CREDENTIAL =
  /Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

/** Parses `Credential=AKID/date/region/service/aws4_request` out of a SigV4 `Authorization` header. */
export function parseSigV4Scope(
  authorization: string | undefined,
): SigV4Scope | undefined {
  if (!authorization || !authorization.startsWith('AWS4-HMAC-SHA256')) {
    return undefined;
  }
  const match = CREDENTIAL.exec(authorization);
  if (!match) {
    return undefined;
  }
  const [, accessKeyId, date, region, service] = match;
  return { accessKeyId, date, region, service };
}

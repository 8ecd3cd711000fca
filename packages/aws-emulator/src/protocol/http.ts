import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AwsError } from './errors';

/** The largest request body the AWS APIs accept here; the control endpoint allows more (inventories). */
export const API_BODY_LIMIT = 1024 * 1024;

/** Reads a request body as text, refusing bodies above `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(
          new AwsError(
            'RequestEntityTooLargeException',
            `Request body above ${limit} bytes`,
            413,
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A request id in AWS's format. */
export function newRequestId(): string {
  return randomUUID();
}

/** Writes a complete response. */
export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** A JSON 1.1 error as the Tagging API sends it: `__type` and `Message`, 400 or 500. */
export function sendJsonError(
  res: ServerResponse,
  error: AwsError,
  requestId: string,
): void {
  send(
    res,
    error.statusCode,
    'application/x-amz-json-1.1',
    JSON.stringify({ __type: error.code, Message: error.message }),
    { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code },
  );
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
